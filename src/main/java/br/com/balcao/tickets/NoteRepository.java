package br.com.balcao.tickets;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, Long> {

    List<Note> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);
}
