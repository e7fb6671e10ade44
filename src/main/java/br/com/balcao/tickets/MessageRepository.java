package br.com.balcao.tickets;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRepository extends JpaRepository<Message, Long> {

    Optional<Message> findByNumberIdAndWamid(long numberId, String wamid);
}
