package br.com.balcao.channel;

import br.com.balcao.tickets.DeliveryStatus;
import java.time.Instant;

/** A delivery status of one outbound message, as the webhook reported it. The error is set on failures. */
public record StatusUpdate(String wamid, DeliveryStatus status, Instant at, Integer errorCode, String errorMessage) {
}
