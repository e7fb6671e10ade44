package br.com.balcao.afterhours;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AfterHoursContactRepository extends JpaRepository<AfterHoursContact, Long> {

    Optional<AfterHoursContact> findByContactIdAndNextOpeningAt(long contactId, Instant nextOpeningAt);

    Page<AfterHoursContact> findByNumberIdOrderByFirstContactAtDesc(long numberId, Pageable pageable);
}
