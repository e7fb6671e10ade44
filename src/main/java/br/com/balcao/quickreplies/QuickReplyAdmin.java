package br.com.balcao.quickreplies;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.security.SignedInUser;
import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.VisibleText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing quick replies: categories (name up to 60 visible characters, unique regardless of case) and
 * their replies (title up to 30, text of any length). Every change is audited. The composer's suggestions
 * read the same tables, so a change shows there at once.
 */
@Service
@Transactional
class QuickReplyAdmin {

    /** The columns hold ten code points per visible character: a family emoji is seven. */
    private static final int CODE_POINTS_PER_CHARACTER = 10;

    private final QuickReplyCategoryRepository categories;
    private final QuickReplyRepository replies;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    QuickReplyAdmin(QuickReplyCategoryRepository categories, QuickReplyRepository replies, JdbcTemplate jdbc,
            AuditLog audit, Clock clock) {
        this.categories = categories;
        this.replies = replies;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record CategoryRow(long id, String name, int replyCount) {
    }

    record ReplyRow(long id, long categoryId, String title, String body) {
    }

    /** Every category with how many replies it holds, by name. */
    @Transactional(readOnly = true)
    List<CategoryRow> categories() {
        return jdbc.query("""
                SELECT c.id, c.name, count(r.id) AS replies
                  FROM quick_reply_categories c
                  LEFT JOIN quick_replies r ON r.category_id = c.id
                 GROUP BY c.id, c.name
                 ORDER BY search_fold(c.name), c.id
                """, (row, i) -> new CategoryRow(row.getLong("id"), row.getString("name"), row.getInt("replies")));
    }

    @Transactional(readOnly = true)
    List<ReplyRow> repliesOf(long categoryId) {
        return replies.findByCategoryIdOrderByTitleAsc(categoryId).stream().map(QuickReplyAdmin::row).toList();
    }

    @Transactional(readOnly = true)
    ReplyRow reply(long replyId) {
        return row(replies.findById(replyId).orElseThrow(() -> new NotFoundException("quick reply")));
    }

    long createCategory(SignedInUser actor, String rawName) {
        String name = categoryName(rawName, null);
        QuickReplyCategory category = saveCategory(new QuickReplyCategory(name, clock.instant()));
        audit.record(actor, "quickReplies.categoryCreated", name, Map.of(), Map.of("name", name));
        return category.getId();
    }

    void renameCategory(SignedInUser actor, long categoryId, String rawName) {
        QuickReplyCategory category = category(categoryId);
        String oldName = category.getName();
        String name = categoryName(rawName, categoryId);
        category.rename(name);
        saveCategory(category);
        audit.record(actor, "quickReplies.categoryRenamed", name, Map.of("name", oldName), Map.of("name", name));
    }

    /**
     * Deletes the category and its replies. {@code confirmedReplies} is how many replies the user was told
     * would go with it: when the category holds replies and that number is not theirs (no confirmation, or
     * replies were added since), nothing is deleted and the answer is the current count to confirm.
     */
    DeleteOutcome deleteCategory(SignedInUser actor, long categoryId, Integer confirmedReplies) {
        QuickReplyCategory category = category(categoryId);
        jdbc.queryForObject("SELECT id FROM quick_reply_categories WHERE id = ? FOR UPDATE", Long.class, categoryId);
        int count = jdbc.queryForObject("SELECT count(*) FROM quick_replies WHERE category_id = ?", Integer.class,
                categoryId);
        if (count > 0 && (confirmedReplies == null || confirmedReplies != count)) {
            return new DeleteOutcome(false, category.getName(), count);
        }
        categories.delete(category);
        audit.record(actor, "quickReplies.categoryDeleted", category.getName(),
                Map.of("name", category.getName(), "replies", count), Map.of());
        return new DeleteOutcome(true, category.getName(), count);
    }

    record DeleteOutcome(boolean deleted, String categoryName, int replyCount) {
    }

    long createReply(SignedInUser actor, long categoryId, String rawTitle, String rawBody) {
        QuickReplyCategory category = category(categoryId);
        String title = title(rawTitle);
        String body = body(rawBody);
        QuickReply reply = replies.save(new QuickReply(categoryId, title, body, clock.instant()));
        audit.record(actor, "quickReplies.replyCreated", category.getName() + " / " + title, Map.of(),
                fields(category.getName(), title, body));
        return reply.getId();
    }

    void editReply(SignedInUser actor, long replyId, long categoryId, String rawTitle, String rawBody) {
        QuickReply reply = replies.findById(replyId).orElseThrow(() -> new NotFoundException("quick reply"));
        Map<String, Object> before = fields(category(reply.getCategoryId()).getName(), reply.getTitle(),
                reply.getBody());
        QuickReplyCategory category = category(categoryId);
        String title = title(rawTitle);
        String body = body(rawBody);
        reply.edit(categoryId, title, body, clock.instant());
        replies.flush();
        audit.record(actor, "quickReplies.replyUpdated", category.getName() + " / " + title, before,
                fields(category.getName(), title, body));
    }

    /**
     * Deletes the reply and answers its category; empty when it was already gone (another manager deleted it
     * first), which is what the user wanted anyway.
     */
    Optional<Long> deleteReply(SignedInUser actor, long replyId) {
        Optional<QuickReply> found = replies.findById(replyId);
        found.ifPresent(reply -> {
            String categoryName = category(reply.getCategoryId()).getName();
            replies.delete(reply);
            audit.record(actor, "quickReplies.replyDeleted", categoryName + " / " + reply.getTitle(),
                    fields(categoryName, reply.getTitle(), reply.getBody()), Map.of());
        });
        return found.map(QuickReply::getCategoryId);
    }

    private QuickReplyCategory category(long categoryId) {
        return categories.findById(categoryId).orElseThrow(() -> new NotFoundException("quick reply category"));
    }

    /** The database's unique index decides (two admins may create the same name at once). */
    private QuickReplyCategory saveCategory(QuickReplyCategory category) {
        return InvalidInputException.unlessDuplicate(() -> categories.saveAndFlush(category),
                "configuration.quickReplies.category.duplicate", category.getName());
    }

    private String categoryName(String raw, Long renamedId) {
        String name = limited(raw, QuickReplyCategory.NAME_MAX_LENGTH, "configuration.quickReplies.category.name");
        categories.findByNameIgnoreCase(name).filter(existing -> !existing.getId().equals(renamedId)).ifPresent(existing -> {
            throw new InvalidInputException("configuration.quickReplies.category.duplicate", name);
        });
        return name;
    }

    private String title(String raw) {
        return limited(raw, QuickReply.TITLE_MAX_LENGTH, "configuration.quickReplies.reply.title");
    }

    private static String body(String raw) {
        String body = raw == null ? "" : raw.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("configuration.form.required", label("configuration.quickReplies.reply.text"));
        }
        return body;
    }

    /**
     * A required, trimmed value of at most {@code max} visible characters. Where the database's count (the
     * {@code visible_length} its check uses) is higher, as for marks of scripts it does not know, that count
     * decides, so that what passes here is stored. A few letters under thousands of combining marks exceed the
     * column's {@value #CODE_POINTS_PER_CHARACTER} code points per character and are refused by their count.
     */
    private String limited(String raw, int max, String fieldKey) {
        String value = VisibleText.normalize(raw);
        if (value.isEmpty()) {
            throw new InvalidInputException("configuration.form.required", label(fieldKey));
        }
        int codePoints = value.codePointCount(0, value.length());
        int length = codePoints > max * CODE_POINTS_PER_CHARACTER ? codePoints : Math.max(VisibleText.length(value),
                jdbc.queryForObject("SELECT visible_length(?)", Integer.class, value));
        if (length > max) {
            throw new InvalidInputException("configuration.form.tooLong", label(fieldKey), max, length);
        }
        return value;
    }

    private static Map<String, Object> fields(String category, String title, String body) {
        return AuditLog.fields("category", category, "title", title, "text", body);
    }

    private static ReplyRow row(QuickReply reply) {
        return new ReplyRow(reply.getId(), reply.getCategoryId(), reply.getTitle(), reply.getBody());
    }
}
