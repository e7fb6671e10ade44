package br.com.balcao.numbers;

import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessNumberRepository extends JpaRepository<BusinessNumber, Long> {
}
