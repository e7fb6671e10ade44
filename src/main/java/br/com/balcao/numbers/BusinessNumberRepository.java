package br.com.balcao.numbers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BusinessNumberRepository extends JpaRepository<BusinessNumber, Long> {

    List<BusinessNumber> findAllByOrderByNameAsc();

    @Query("select n from BusinessNumber n where n.id in "
            + "(select m.key.numberId from Membership m where m.key.userId = :userId) order by n.name")
    List<BusinessNumber> findByMember(long userId);

    List<BusinessNumber> findByIdIn(Collection<Long> ids);

    Optional<BusinessNumber> findByPhoneNumberId(String phoneNumberId);
}
