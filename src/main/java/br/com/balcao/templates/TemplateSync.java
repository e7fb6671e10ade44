package br.com.balcao.templates;

import br.com.balcao.numbers.ChannelOptions;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.templates.SyncResult.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A number's templates as Meta holds them in its WhatsApp Business Account: the whole list is read first (every
 * page), then applied in one transaction: each of Meta's templates is updated (matched by Meta's id, or by name
 * and language for one kept before it came from Meta) or added, and every other template of the number is
 * deleted (messages name the templates they used, they do not point at the rows). When Meta refuses or the list
 * cannot be read to its end, nothing changes.
 */
@Service
public class TemplateSync {

    /** Meta's page size; the cap allows far more templates than an account may have. */
    static final int PAGE_CAP = 100;

    private static final Logger log = LoggerFactory.getLogger(TemplateSync.class);

    private final Optional<MetaTemplates> meta;
    private final NumberDirectory numbers;
    private final MessageTemplateRepository templates;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TemplateSync(Optional<MetaTemplates> meta, NumberDirectory numbers, MessageTemplateRepository templates,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.meta = meta;
        this.numbers = numbers;
        this.templates = templates;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Whether templates come from Meta (the Cloud API gateway); when not, admins keep them by hand. */
    public boolean connected() {
        return meta.isPresent();
    }

    /** Reads the number's templates from Meta and keeps them; see the class. */
    public SyncResult sync(long numberId) {
        if (meta.isEmpty()) {
            return SyncResult.failed(Problem.NOT_CONNECTED, null);
        }
        String wabaId = numbers.channelOptions(numberId).wabaId();
        if (wabaId == null || wabaId.isBlank()) {
            return SyncResult.failed(Problem.NO_ACCOUNT, null);
        }
        List<MetaTemplate> list;
        try {
            list = wholeList(meta.get(), wabaId);
        } catch (MetaTemplatesException refused) {
            log.warn("Templates of number {} (WABA {}) not synced: {} {}", numberId, wabaId, refused.code(),
                    refused.getMessage());
            return SyncResult.failed(problem(refused), refused.getMessage());
        } catch (TooManyPages e) {
            log.warn("Templates of number {} (WABA {}) not synced: {}", numberId, wabaId, e.getMessage());
            return SyncResult.failed(Problem.TOO_MANY_PAGES, null);
        }
        try {
            return transaction.execute(status -> apply(numberId, list, clock.instant()));
        } catch (DataIntegrityViolationException concurrent) {
            log.warn("Templates of number {} not synced: another sync wrote them meanwhile", numberId);
            return SyncResult.failed(Problem.BUSY, null);
        }
    }

    /** Syncs every number that has a WhatsApp Business Account id; returns how many synced. */
    public int syncAll() {
        int synced = 0;
        for (ChannelOptions options : numbers.allChannelOptions()) {
            if (options.wabaId() != null && sync(options.numberId()).ok()) {
                synced++;
            }
        }
        return synced;
    }

    /**
     * Meta's {@code message_template_status_update}: the template (by Meta's id, or by name and language) of the
     * numbers of account {@code wabaId} takes the status Meta's {@code event} names, or is deleted when Meta
     * deletes it; an event that names no status changes nothing. Returns how many templates changed.
     */
    public int statusChanged(String wabaId, String metaTemplateId, String name, String language, String event) {
        Optional<TemplateStatus> status = TemplateStatus.fromMeta(event);
        boolean removed = TemplateStatus.removedByMeta(event);
        if (status.isEmpty() && !removed) {
            return 0;
        }
        List<Long> numberIds = numbers.allChannelOptions().stream()
                .filter(options -> wabaId != null && wabaId.equals(options.wabaId()))
                .map(ChannelOptions::numberId).toList();
        return transaction.execute(tx -> {
            int changed = 0;
            for (long numberId : numberIds) {
                for (MessageTemplate template : templates.findByNumberIdOrderByNameAscLanguageAsc(numberId)) {
                    boolean same = metaTemplateId != null && metaTemplateId.equals(template.getMetaTemplateId())
                            || template.getName().equals(name) && template.getLanguage().equals(language);
                    if (!same) {
                        continue;
                    }
                    if (removed) {
                        templates.delete(template);
                    } else {
                        template.changeStatus(status.get());
                    }
                    changed++;
                }
            }
            return changed;
        });
    }

    private static List<MetaTemplate> wholeList(MetaTemplates meta, String wabaId) {
        List<MetaTemplate> list = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String next = null;
        for (int page = 0; page < PAGE_CAP; page++) {
            MetaTemplatePage answer = meta.page(wabaId, next);
            list.addAll(answer.templates());
            next = answer.next();
            if (next == null || next.isBlank()) {
                return list;
            }
            if (!visited.add(next)) {
                throw new TooManyPages("page " + next + " again");
            }
        }
        throw new TooManyPages("more than " + PAGE_CAP + " pages");
    }

    private SyncResult apply(long numberId, List<MetaTemplate> list, Instant at) {
        List<MessageTemplate> kept = templates.findByNumberIdOrderByNameAscLanguageAsc(numberId);
        Map<String, MessageTemplate> byMetaId = new HashMap<>();
        Map<String, MessageTemplate> byNameAndLanguage = new HashMap<>();
        for (MessageTemplate template : kept) {
            if (template.getMetaTemplateId() != null) {
                byMetaId.put(template.getMetaTemplateId(), template);
            }
            byNameAndLanguage.put(template.getName() + "|" + template.getLanguage(), template);
        }
        Map<MessageTemplate, Runnable> updates = new HashMap<>();
        List<MessageTemplate> added = new ArrayList<>();
        Map<TemplateStatus, Integer> byStatus = new EnumMap<>(TemplateStatus.class);
        int skipped = 0;
        for (MetaTemplate template : list) {
            Optional<Kept> readable = Kept.of(template);
            if (readable.isEmpty()) {
                skipped++;
                continue;
            }
            Kept value = readable.get();
            MessageTemplate existing = Optional.ofNullable(byMetaId.get(template.id()))
                    .orElse(byNameAndLanguage.get(template.name() + "|" + template.language()));
            if (existing != null && !updates.containsKey(existing)) {
                updates.put(existing, () -> existing.syncFromMeta(template, value.category(), value.status(),
                        value.body(), at));
            } else {
                MessageTemplate fresh = new MessageTemplate(numberId, template.name(), template.language(),
                        value.category(), value.body(), value.status(), at);
                fresh.syncFromMeta(template, value.category(), value.status(), value.body(), at);
                added.add(fresh);
            }
            byStatus.merge(value.status(), 1, Integer::sum);
        }
        List<MessageTemplate> gone = kept.stream().filter(template -> !updates.containsKey(template)).toList();
        templates.deleteAll(gone);
        templates.flush();
        updates.values().forEach(Runnable::run);
        templates.flush();
        templates.saveAll(added);
        templates.flush();
        log.info("Templates of number {} synced from Meta: {} kept, {} removed, {} skipped", numberId,
                byStatus, gone.size(), skipped);
        return new SyncResult(null, null, byStatus, gone.size(), skipped);
    }

    private static Problem problem(MetaTemplatesException refused) {
        if (refused.code() == null) {
            return Problem.UNREACHABLE;
        }
        return switch (refused.code()) {
            case 190 -> Problem.TOKEN;
            case 100 -> Problem.ACCOUNT;
            default -> Problem.REFUSED;
        };
    }

    /** Meta's template as this app can keep it, or empty (a category, status, name, language or body it does not take). */
    private record Kept(TemplateCategory category, TemplateStatus status, String body) {

        static Optional<Kept> of(MetaTemplate template) {
            Optional<TemplateStatus> status = TemplateStatus.fromMeta(template.status());
            String body = TemplateLayout.bodyOf(template.components());
            boolean named = template.name() != null && template.name().matches("[a-z0-9_]{1,512}");
            boolean language = template.language() != null && template.language().matches("[a-z]{2,3}(_[A-Z]{2})?");
            if (status.isEmpty() || !named || !language || body == null || body.isEmpty()
                    || body.length() > TemplateAdministration.BODY_MAX_LENGTH) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Kept(TemplateCategory.valueOf(String.valueOf(template.category())), status.get(),
                        body));
            } catch (IllegalArgumentException unknownCategory) {
                return Optional.empty();
            }
        }
    }

    private static final class TooManyPages extends RuntimeException {
        TooManyPages(String message) {
            super(message, null, false, false);
        }
    }
}
