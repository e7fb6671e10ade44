package br.com.balcao.numbers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A date on which a number is closed all day. */
@Entity
@Table(name = "number_holidays")
class Holiday {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long numberId;
    private LocalDate day;
    private String name;

    protected Holiday() {
    }

    Holiday(long numberId, LocalDate day, String name) {
        this.numberId = numberId;
        this.day = day;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    long getNumberId() {
        return numberId;
    }

    LocalDate getDay() {
        return day;
    }

    String getName() {
        return name;
    }
}
