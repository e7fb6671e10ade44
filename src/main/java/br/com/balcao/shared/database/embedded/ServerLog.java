package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/** The last lines the server wrote into its log folder, to tell why it stopped. */
final class ServerLog {

    private ServerLog() {
    }

    static String tail(Path dataDirectory, int lines) {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("log"))) {
            Path newest = files.filter(Files::isRegularFile)
                    .max(Comparator.comparing(ServerLog::modified)).orElse(null);
            if (newest == null) {
                return "(the server wrote no log)";
            }
            Deque<String> last = new ArrayDeque<>();
            try (Stream<String> all = Files.lines(newest, StandardCharsets.UTF_8)) {
                all.forEach(line -> {
                    last.addLast(line);
                    if (last.size() > lines) {
                        last.removeFirst();
                    }
                });
            }
            return String.join("\n", last);
        } catch (IOException | RuntimeException e) {
            return "(no log to read: " + e.getMessage() + ")";
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
