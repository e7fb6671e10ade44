package br.com.balcao.tickets;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface TransferRequestRepository extends JpaRepository<TransferRequest, Long> {

    Optional<TransferRequest> findByTicketIdAndStatus(long ticketId, TransferStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<TransferRequest> findLockedByIdAndCurrentAgentIdAndStatus(long id, long currentAgentId,
                                                                      TransferStatus status);
}
