package br.com.balcao.tickets;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    /**
     * The ticket, its row locked (FOR NO KEY UPDATE, which the engine's FOR UPDATE waits for and waits on), so that
     * the pages' changes and the engine's take turns.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> lock(long id);
}
