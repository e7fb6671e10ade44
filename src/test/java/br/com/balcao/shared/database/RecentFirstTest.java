package br.com.balcao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which way the matches are read, given what the first walk finds. */
class RecentFirstTest {

    private final RecentFirst recentFirst = new RecentFirst(1_000, 16_000);
    private final List<String> asked = new ArrayList<>();

    @Test
    void aFirstWalkThatFillsThePageIsTheAnswer() {
        assertThat(find(10, 50)).hasSize(10);
        assertThat(asked).containsExactly("walk 1000");
    }

    @Test
    void aFewMatchesInTheFirstWalkLeadToALongerOneWithRoomToSpare() {
        assertThat(find(51, 25)).hasSize(51);
        assertThat(asked).containsExactly("walk 1000", "walk 4080");
    }

    @Test
    void tooFewMatchesForAWalkWithinTheLongestAreSorted() {
        find(51, 5);
        assertThat(asked).containsExactly("walk 1000", "sorted");
    }

    @Test
    void noMatchInTheFirstWalkGoesStraightToTheSortedMatches() {
        find(51, 0);
        assertThat(asked).containsExactly("walk 1000", "sorted");
    }

    @Test
    void aLongerWalkThatStillFallsShortEndsInTheSortedMatches() {
        List<String> result = recentFirst.find(51, length -> {
            asked.add("walk " + length);
            return Collections.nCopies(length == 1_000 ? 25 : 30, "match");
        }, () -> {
            asked.add("sorted");
            return List.of("all");
        });
        assertThat(result).containsExactly("all");
        assertThat(asked).containsExactly("walk 1000", "walk 4080", "sorted");
    }

    @Test
    void walksMustGrow() {
        assertThatThrownBy(() -> new RecentFirst(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentFirst(100, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Matches spread evenly: {@code perThousand} in every 1,000 rows walked. */
    private List<String> find(int limit, int perThousand) {
        return recentFirst.find(limit, length -> {
            asked.add("walk " + length);
            return Collections.nCopies(Math.min(limit, (int) ((long) length * perThousand / 1_000)), "match");
        }, () -> {
            asked.add("sorted");
            return Collections.nCopies(limit, "match");
        });
    }
}
