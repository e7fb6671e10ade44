package br.com.balcao.absence;

import org.springframework.data.jpa.repository.JpaRepository;

/** Absences by number id. */
interface AbsenceRepository extends JpaRepository<Absence, Long> {
}
