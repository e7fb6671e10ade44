package br.com.balcao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No merge's conflict markers are left in what the app serves or runs: Thymeleaf renders a template's stray
 * "<<<<<<< HEAD" as text, and a page's tests may not look at that part of it.
 */
class MergeMarkersTests {

    private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} )");

    @Test
    void noFileUnderSrcMainHoldsAConflictMarker() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> marked = files.filter(Files::isRegularFile).filter(MergeMarkersTests::marked).toList();
            assertThat(marked).isEmpty();
        }
    }

    @Test
    void theMarkerIsRecognised() {
        assertThat(MARKER.matcher("<div>\n<<<<<<< HEAD\n<p>\n").find()).isTrue();
        assertThat(MARKER.matcher("<div>\n>>>>>>> dedup\n").find()).isTrue();
        assertThat(MARKER.matcher("a << b >> c\n=======\n").find()).isFalse();
    }

    private static boolean marked(Path file) {
        try {
            return MARKER.matcher(Files.readString(file)).find();
        } catch (MalformedInputException binary) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
