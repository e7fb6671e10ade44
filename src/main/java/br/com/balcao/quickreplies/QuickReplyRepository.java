package br.com.balcao.quickreplies;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuickReplyRepository extends JpaRepository<QuickReply, Long> {

    List<QuickReply> findByCategoryIdOrderByTitleAsc(long categoryId);
}
