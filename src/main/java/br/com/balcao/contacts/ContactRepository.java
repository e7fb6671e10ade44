package br.com.balcao.contacts;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

    /** The contact, its row locked: the inbound path writes its name and times meanwhile. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contact c where c.id = :id")
    Optional<Contact> lock(long id);

    boolean existsByNumberIdAndPhoneDigitsAndIdNot(long numberId, String phoneDigits, long id);
}
