package br.com.balcao.numbers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening interval of a number on a weekday; a day may have several. */
@Entity
@Table(name = "service_hours")
class ServiceHour {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long numberId;
    private short dayOfWeek;
    private LocalTime opensAt;
    private LocalTime closesAt;

    protected ServiceHour() {
    }

    ServiceHour(long numberId, DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
        this.numberId = numberId;
        this.dayOfWeek = (short) day.getValue();
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    long getNumberId() {
        return numberId;
    }

    DayOfWeek getDay() {
        return DayOfWeek.of(dayOfWeek);
    }

    LocalTime getOpensAt() {
        return opensAt;
    }

    LocalTime getClosesAt() {
        return closesAt;
    }
}
