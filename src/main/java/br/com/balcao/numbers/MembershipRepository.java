package br.com.balcao.numbers;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, Membership.Key> {

    List<Membership> findByKeyUserId(long userId);

    List<Membership> findByKeyNumberId(long numberId);
}
