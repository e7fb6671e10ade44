package br.com.balcao.absence;

import java.time.Instant;

/** A number's absence as the header banner and the absence page show it. */
public record AbsenceView(long numberId, boolean active, String message, Long suggestedUserId, String suggestedName,
        String suggestedPhone, Instant startedAt, Long startedById) {
}
