package br.com.balcao.numbers;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HolidayRepository extends JpaRepository<Holiday, Long> {

    List<Holiday> findByNumberIdOrderByDayAsc(long numberId);

    List<Holiday> findByNumberIdAndDayBetween(long numberId, LocalDate from, LocalDate to);
}
