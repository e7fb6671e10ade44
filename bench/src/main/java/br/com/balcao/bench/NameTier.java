package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A copy of the app's tiers of match by name (shared.database.NameWords), best first, for a folded text: the
 * name starts with the words in order; every word starts a word of the name, in order; in any order (two words
 * or more); every word is inside the name. The benchmark runs them as the app does.
 */
record NameTier(String condition, List<Object> patterns) {

    static List<NameTier> of(String folded) {
        List<String> words = Arrays.asList(folded.strip().split("\\s+"));
        String inOrder = String.join("% ", words) + "%";
        List<NameTier> tiers = new ArrayList<>();
        tiers.add(new NameTier("c.name_folded LIKE ?", List.of(inOrder)));
        tiers.add(new NameTier("(c.name_folded LIKE ? OR c.name_folded LIKE ?)", List.of(inOrder, "% " + inOrder)));
        if (words.size() > 1) {
            tiers.add(everyWord(words, "(c.name_folded LIKE ? OR c.name_folded LIKE ?)",
                    word -> List.of(word + "%", "% " + word + "%")));
        }
        tiers.add(everyWord(words, "c.name_folded LIKE ?", word -> List.of("%" + word + "%")));
        return tiers;
    }

    private static NameTier everyWord(List<String> words, String condition, Function<String, List<Object>> patterns) {
        return new NameTier(String.join(" AND ", words.stream().map(word -> condition).toList()),
                words.stream().flatMap(word -> patterns.apply(word).stream()).toList());
    }
}
