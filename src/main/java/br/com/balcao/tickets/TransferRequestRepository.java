package br.com.balcao.tickets;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TransferRequestRepository extends JpaRepository<TransferRequest, Long> {

    Optional<TransferRequest> findByTicketIdAndStatus(long ticketId, TransferStatus status);
}
