package br.com.balcao.tickets;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketDetails.TagView;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managing tags (settings page): a name unique regardless of case, up to 40 characters, and a colour. */
@Service
@Transactional
public class TagCatalog {

    static final int NAME_MAX_LENGTH = 40;

    private final TagRepository tags;

    TagCatalog(TagRepository tags) {
        this.tags = tags;
    }

    @Transactional(readOnly = true)
    public List<TagView> all() {
        return tags.findAllByOrderByNameAsc().stream().map(TagCatalog::view).toList();
    }

    public TagView create(String name, String color) {
        return view(save(new Tag(name(name), color(color))));
    }

    public TagView update(long tagId, String name, String color) {
        Tag tag = tag(tagId);
        tag.rename(name(name), color(color));
        return view(save(tag));
    }

    /** Deletes the tag; tickets that carried it lose it. */
    public TagView delete(long tagId) {
        Tag tag = tag(tagId);
        tags.delete(tag);
        return view(tag);
    }

    @Transactional(readOnly = true)
    public TagView find(long tagId) {
        return view(tag(tagId));
    }

    private Tag tag(long tagId) {
        return tags.findById(tagId).orElseThrow(() -> new NotFoundException("tag"));
    }

    private Tag save(Tag tag) {
        return InvalidInputException.unlessDuplicate(() -> tags.saveAndFlush(tag), "configuration.tags.duplicate",
                tag.getName());
    }

    private static String name(String raw) {
        return InvalidInputException.requiredText(raw, NAME_MAX_LENGTH, "configuration.tags.name");
    }

    private static String color(String raw) {
        String color = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!color.matches("#[0-9a-f]{6}")) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.tags.color"));
        }
        return color;
    }

    private static TagView view(Tag tag) {
        return new TagView(tag.getId(), tag.getName(), tag.getColor());
    }
}
