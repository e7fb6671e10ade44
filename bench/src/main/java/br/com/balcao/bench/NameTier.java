package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A copy of the app's tiers of match by name (shared.database.NameWords), best first, for a folded text: the
 * name starts with the words in order; every word starts a word of the name, in order; in any order (two words
 * or more); every word is inside the name (with several words, each tier's index part is that one). The benchmark
 * runs them as the app does.
 */
record NameTier(String condition, List<Object> patterns) {

    static List<NameTier> of(String folded) {
        List<String> words = Arrays.asList(folded.strip().split("\\s+"));
        String inOrder = String.join("% ", words) + "%";
        if (words.size() == 1) {
            return List.of(new NameTier("c.name_folded LIKE ?", List.of(inOrder)),
                    new NameTier("(c.name_folded LIKE ? OR c.name_folded LIKE ?)", List.of(inOrder, "% " + inOrder)),
                    new NameTier("c.name_folded LIKE ?", List.of("%" + inOrder)));
        }
        NameTier inside = everyWord(words, "c.name_folded LIKE ?", word -> "%" + word + "%");
        return List.of(inside.and(new NameTier("c.name_folded LIKE ?", List.of(inOrder))),
                inside.and(new NameTier("(' ' || c.name_folded) LIKE ?", List.of("% " + inOrder))),
                inside.and(everyWord(words, "(' ' || c.name_folded) LIKE ?", word -> "% " + word + "%")),
                inside);
    }

    private NameTier and(NameTier other) {
        List<Object> all = new ArrayList<>(patterns);
        all.addAll(other.patterns);
        return new NameTier(condition + " AND " + other.condition, all);
    }

    private static NameTier everyWord(List<String> words, String condition, Function<String, Object> pattern) {
        return new NameTier(String.join(" AND ", words.stream().map(word -> condition).toList()),
                words.stream().map(pattern).toList());
    }
}
