package br.com.balcao.tickets;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    /** The contact's ticket that is not closed, if any (there is at most one). */
    @Query("select t from Ticket t where t.contactId = :contactId"
            + " and t.status <> br.com.balcao.tickets.TicketStatus.CLOSED")
    Optional<Ticket> findUnclosedByContact(long contactId);
}
