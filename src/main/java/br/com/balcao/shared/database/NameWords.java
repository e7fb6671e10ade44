package br.com.balcao.shared.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A name typed into a search, read word by word. Brazilian names carry middle names and particles ("Joaquim
 * Leão Bragança", "Ana da Silva"), so the words typed need not be next to each other nor in the name's order:
 * every word must be found in the name, at the start of one of its words for the better matches. The
 * conditions are LIKE patterns on the folded name ({@code name_folded}), which the walks of
 * {@code contacts_recent_names} test on the index alone and the name's trigram index serves (pg_trgm reads a
 * word start from the space before it).
 *
 * @param words the words, their LIKE wildcards escaped so that they match themselves
 */
public record NameWords(List<String> words) {

    /** A tier of match: its condition on the folded name and the LIKE patterns of its placeholders, in order. */
    public record Tier(String condition, List<String> patterns) {

        Tier and(String otherCondition, String pattern) {
            return and(new Tier(otherCondition, List.of(pattern)));
        }

        Tier and(Tier other) {
            List<String> all = new ArrayList<>(patterns);
            all.addAll(other.patterns);
            return new Tier(condition + " AND " + other.condition, List.copyOf(all));
        }
    }

    public NameWords {
        words = List.copyOf(words);
    }

    public static NameWords of(String typed) {
        String text = typed == null ? "" : typed.strip();
        return new NameWords(text.isEmpty() ? List.of()
                : Arrays.stream(text.split("\\s+")).map(NameWords::likeEscaped).toList());
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether every tier includes the last one's condition, each word inside the name (one trigram scan). */
    public boolean severalWords() {
        return words.size() > 1;
    }

    /**
     * Every word inside the folded name, in any order: what a filter keeps, the same contacts as all the search's
     * tiers together. For words as typed: each is folded once, in a sub-select (written inline, a plan made for
     * any value would fold it again for every row). One placeholder per word, {@link #words()} in order.
     */
    public String everyWordInside(String foldedName) {
        return String.join(" AND ",
                words.stream().map(word -> foldedName + " LIKE (SELECT '%' || search_fold(?) || '%')").toList());
    }

    /**
     * The tiers of match, best first, each including the ones before it, for words already folded: the name
     * starts with the words in order; every word starts a word of the name, in order; in any order; every word is
     * inside the name. With one word: the name starts with it, a word does, it is inside.
     *
     * <p>With several words every tier says that each word is inside the name, in conditions that one scan of the
     * trigram index answers (it intersects the words' posting lists), and checks where the words sit on the rows
     * found, in conditions no index serves ({@code ' ' || name}). Written as each word's (starts the name OR
     * starts a word), the tiers led PostgreSQL to AND one bitmap per word, each as long as the word is frequent
     * (docs/benchmarks.md, "Name search by words").
     */
    public List<Tier> tiers(String foldedName) {
        String inOrder = String.join("% ", words) + "%";
        if (words.size() == 1) {
            return List.of(new Tier(foldedName + " LIKE ?", List.of(inOrder)),
                    new Tier("(" + foldedName + " LIKE ? OR " + foldedName + " LIKE ?)",
                            List.of(inOrder, "% " + inOrder)),
                    new Tier(foldedName + " LIKE ?", List.of("%" + inOrder)));
        }
        Tier inside = everyWord(foldedName + " LIKE ?", word -> "%" + word + "%");
        String spaced = "(' ' || " + foldedName + ")";
        return List.of(inside.and(foldedName + " LIKE ?", inOrder),
                inside.and(spaced + " LIKE ?", "% " + inOrder),
                inside.and(everyWord(spaced + " LIKE ?", word -> "% " + word + "%")),
                inside);
    }

    private Tier everyWord(String condition, Function<String, String> pattern) {
        return new Tier(String.join(" AND ", words.stream().map(word -> condition).toList()),
                words.stream().map(pattern).toList());
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
