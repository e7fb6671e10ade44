package br.com.balcao.contacts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

    Optional<Contact> findByNumberIdAndWaId(long numberId, String waId);
}
