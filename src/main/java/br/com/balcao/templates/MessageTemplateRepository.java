package br.com.balcao.templates;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageTemplateRepository extends JpaRepository<MessageTemplate, Long> {

    List<MessageTemplate> findByNumberIdOrderByNameAscLanguageAsc(long numberId);

    List<MessageTemplate> findByNumberIdAndStatusOrderByNameAscLanguageAsc(long numberId, TemplateStatus status);
}
