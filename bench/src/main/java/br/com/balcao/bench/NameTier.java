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

    /** Every match of several words ranked by tier, as the app reads them when the first tier's walks fall short. */
    static String rankedMatches(List<NameTier> tiers) {
        NameTier last = tiers.get(tiers.size() - 1);
        StringBuilder cases = new StringBuilder();
        for (int tier = 0; tier < tiers.size() - 1; tier++) {
            cases.append(" WHEN ").append(tiers.get(tier).condition()).append(" THEN ").append(tier);
        }
        return """
                WITH matches AS MATERIALIZED (
                    SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?) AND %s)
                SELECT c.id, CASE %s ELSE %d END AS tier FROM matches c
                 ORDER BY tier, c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21
                """.formatted(last.condition(), cases, tiers.size() - 1);
    }

    /** The placeholders' values of {@link #rankedMatches}, after the numbers. */
    static List<Object> rankedPatterns(List<NameTier> tiers) {
        List<Object> patterns = new ArrayList<>(tiers.get(tiers.size() - 1).patterns());
        tiers.subList(0, tiers.size() - 1).forEach(tier -> patterns.addAll(tier.patterns()));
        return patterns;
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
