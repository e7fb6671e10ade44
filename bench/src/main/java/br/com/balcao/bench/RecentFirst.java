package br.com.balcao.bench;

import java.sql.SQLException;
import java.util.List;

/**
 * The app's {@code shared.database.RecentFirst}, copied (the bench is a separate project), for the statements
 * the bench runs as the app does: a first walk of the recency index; if it does not fill the page, a longer walk
 * when its matches promise a page within the longest; otherwise every match, sorted.
 */
record RecentFirst(int firstWalk, int longestWalk) {

    interface Walk<T> {
        List<T> matches(int length) throws SQLException;
    }

    interface Sorted<T> {
        List<T> matches() throws SQLException;
    }

    <T> List<T> find(int limit, Walk<T> walk, Sorted<T> everyMatchSorted) throws SQLException {
        List<T> found = walk.matches(firstWalk);
        if (found.size() >= limit) {
            return found;
        }
        if (!found.isEmpty()) {
            long likelyNeeded = 2L * firstWalk * limit / found.size();
            if (likelyNeeded <= longestWalk) {
                found = walk.matches((int) likelyNeeded);
                if (found.size() >= limit) {
                    return found;
                }
            }
        }
        return everyMatchSorted.matches();
    }
}
