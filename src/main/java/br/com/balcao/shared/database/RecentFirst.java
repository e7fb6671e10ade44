package br.com.balcao.shared.database;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Finds the most recent rows that match a filter, when PostgreSQL cannot be trusted to choose how. There are
 * two ways: walk an index in order of recency until enough matches turn up (cheap when matches are frequent
 * among the recent rows), or find every match through the filter's own index and sort them (cheap when they
 * are few). The planner picks from statistics that know nothing of where the matches sit in the order, and
 * picked wrong both ways (docs/benchmarks.md, the contacts list). This asks the data instead: a short walk; if
 * it does not fill the page, the matches it found tell how far a walk would have to go, and a longer one is
 * tried when that is not too far; otherwise every match is sorted.
 */
public record RecentFirst(int firstWalk, int longestWalk) {

    public RecentFirst {
        if (firstWalk <= 0 || longestWalk < firstWalk) {
            throw new IllegalArgumentException("walks of " + firstWalk + " then at most " + longestWalk);
        }
    }

    /**
     * Up to {@code limit} matches, most recent first.
     *
     * @param walk           the matches among the first {@code length} rows of the order (at most {@code limit})
     * @param everyMatchSorted every match, sorted, at most {@code limit}
     */
    public <T> List<T> find(int limit, IntFunction<List<T>> walk, Supplier<List<T>> everyMatchSorted) {
        List<T> found = walk.apply(firstWalk);
        if (found.size() >= limit) {
            return found;
        }
        if (!found.isEmpty()) {
            long likelyNeeded = 2L * firstWalk * limit / found.size();
            if (likelyNeeded <= longestWalk) {
                found = walk.apply((int) likelyNeeded);
                if (found.size() >= limit) {
                    return found;
                }
            }
        }
        return everyMatchSorted.get();
    }
}
