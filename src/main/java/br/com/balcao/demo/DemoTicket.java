package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A generated ticket; ids and per-number ticket numbers are given once every ticket exists. */
final class DemoTicket {

    long id;
    long ticketNumber;
    final DemoNumber number;
    final DemoContact contact;
    final Instant createdAt;
    String status = "CLOSED";
    String closeReason;
    Long agentId;
    DemoTicket parent;
    boolean openedByActiveMessage;
    Instant assignedAt;
    Instant firstResponseAt;
    Instant closedAt;
    Instant lastCustomerMessageAt;
    final Set<Long> tagIds = new LinkedHashSet<>();

    DemoTicket(DemoNumber number, DemoContact contact, Instant createdAt) {
        this.number = number;
        this.contact = contact;
        this.createdAt = createdAt;
    }

    void assign(long agent, Instant at) {
        agentId = agent;
        assignedAt = at;
        status = "ASSIGNED";
    }

    void respond(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
            status = "OPEN";
        }
    }

    void close(String reason, Instant at) {
        status = "CLOSED";
        closeReason = reason;
        closedAt = at;
    }
}
