package br.com.balcao.quickreplies;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuickReplyCategoryRepository extends JpaRepository<QuickReplyCategory, Long> {

    List<QuickReplyCategory> findAllByOrderByNameAsc();

    Optional<QuickReplyCategory> findByNameIgnoreCase(String name);
}
