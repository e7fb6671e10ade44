package br.com.balcao.numbers;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceHourRepository extends JpaRepository<ServiceHour, Long> {

    List<ServiceHour> findByNumberId(long numberId);

    void deleteByNumberId(long numberId);
}
