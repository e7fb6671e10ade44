package br.com.balcao.security;

import java.time.Instant;

/** Published when an agent changes status; the ticket engine drains the queue when one goes online. */
public record AgentStatusChanged(long userId, AgentStatus status, Instant at) {
}
