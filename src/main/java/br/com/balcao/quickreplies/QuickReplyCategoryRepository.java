package br.com.balcao.quickreplies;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuickReplyCategoryRepository extends JpaRepository<QuickReplyCategory, Long> {

    Optional<QuickReplyCategory> findByNameIgnoreCase(String name);
}
