package br.com.balcao.templates;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageTemplateRepository extends JpaRepository<MessageTemplate, Long> {

    List<MessageTemplate> findByNumberIdOrderByNameAscLanguageAsc(long numberId);

    List<MessageTemplate> findByNumberIdAndStatusOrderByNameAscLanguageAsc(long numberId, TemplateStatus status);

    /** Each number's count of templates Meta paused, as (number id, count) pairs. */
    @Query(value = "SELECT number_id, count(*) FROM message_templates WHERE status = 'PAUSED' GROUP BY number_id",
            nativeQuery = true)
    List<Object[]> countPausedByNumber();
}
