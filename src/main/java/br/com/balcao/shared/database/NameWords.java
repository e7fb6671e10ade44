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
     */
    public List<Tier> tiers(String foldedName) {
        String inOrder = String.join("% ", words) + "%";
        List<Tier> tiers = new ArrayList<>();
        tiers.add(new Tier(foldedName + " LIKE ?", List.of(inOrder)));
        tiers.add(new Tier("(" + foldedName + " LIKE ? OR " + foldedName + " LIKE ?)", List.of(inOrder, "% " + inOrder)));
        if (words.size() > 1) {
            tiers.add(everyWord("(" + foldedName + " LIKE ? OR " + foldedName + " LIKE ?)",
                    word -> List.of(word + "%", "% " + word + "%")));
        }
        tiers.add(everyWord(foldedName + " LIKE ?", word -> List.of("%" + word + "%")));
        return List.copyOf(tiers);
    }

    private Tier everyWord(String condition, Function<String, List<String>> patterns) {
        return new Tier(String.join(" AND ", words.stream().map(word -> condition).toList()),
                words.stream().flatMap(word -> patterns.apply(word).stream()).toList());
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
