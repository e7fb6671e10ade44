package br.com.balcao.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** Files kept streamed, measured on the way, moved into place whole, refused past the cap, and let go in time. */
@IntegrationTest
class MediaStoreTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TestData data;

    @TempDir Path folder;

    private long numberId;
    private MediaStore store;

    @BeforeEach
    void aStoreOfItsOwn() {
        numberId = data.number("Mídia " + TestData.unique());
        store = new MediaStore(jdbc, clock, new MediaProperties(folder, DataSize.ofMegabytes(300), Duration.ofDays(30)));
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void aLargeFileIsCopiedThroughASmallBufferWithItsSizeAndSha256UnderARandomName() throws Exception {
        long size = 200L * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();

        StoredMedia stored = store.store(numberId, new Generated(size, expected), "application/pdf", "manual.pdf", null);

        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(stored.sizeBytes()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(stored.fileName()).isEqualTo("manual.pdf");
        assertThat(stored.kept()).isTrue();
        String key = jdbc.queryForObject("SELECT storage_key FROM media_files WHERE id = ?", String.class, stored.id());
        assertThat(key).doesNotContain("manual").matches("\\d{4}/\\d{2}/[0-9a-f-]{36}");
        assertThat(Files.size(folder.resolve(key))).isEqualTo(size);
        assertThat(filesIn(folder)).containsExactly(folder.resolve(key));
        // The copy holds a buffer, not the file: far less than its 200 MB went onto the heap.
        assertThat(usedAfter - usedBefore).isLessThan(64L * 1024 * 1024);
        try (InputStream kept = store.open(stored.id())) {
            assertThat(kept.readNBytes(5)).isEqualTo(new byte[] {'%', 'P', 'D', 'F', '-'});
        }
    }

    @Test
    void aFileLargerThanTheCapIsRefusedWithNothingLeftBehind() {
        MediaStore small = new MediaStore(jdbc, clock, new MediaProperties(folder, DataSize.ofKilobytes(64),
                Duration.ofDays(30)));
        long rowsBefore = rowsOf(numberId);

        assertThatThrownBy(() -> small.store(numberId, new Generated(64 * 1024 + 1, null), "application/pdf", "a.pdf",
                null)).isInstanceOf(MediaTooLargeException.class);

        assertThat(filesIn(folder)).isEmpty();
        assertThat(rowsOf(numberId)).isEqualTo(rowsBefore);
        assertThat(small.store(numberId, new Generated(64 * 1024, null), "application/pdf", "b.pdf", null).sizeBytes())
                .isEqualTo(64 * 1024);
    }

    @Test
    void anUploadIsRecordedAndADiscardedFileIsGone() {
        StoredMedia stored = store.store(numberId, new Generated(1000, null), "image/png", "print.png", null);

        store.recordUpload(stored.id(), "1037543291543636", clock.instant());
        assertThat(store.find(stored.id()).orElseThrow())
                .extracting(StoredMedia::whatsappMediaId, StoredMedia::uploadedAt)
                .containsExactly("1037543291543636", clock.instant());

        store.discard(stored.id());
        assertThat(store.find(stored.id())).isEmpty();
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void theRetentionDeletesOldFilesAndKeepsTheirRows() {
        StoredMedia old = store.store(numberId, new Generated(1000, null), "image/jpeg", "antiga.jpg", null);
        clock.advance(Duration.ofDays(20));
        StoredMedia recent = store.store(numberId, new Generated(1000, null), "image/jpeg", "recente.jpg", null);
        clock.advance(Duration.ofDays(11));

        store.applyRetention();

        assertThat(store.find(old.id()).orElseThrow().deletedAt()).isEqualTo(clock.instant());
        assertThat(store.resource(old.id())).isEmpty();
        assertThat(store.resource(recent.id())).isPresent();
        assertThat(filesIn(folder)).hasSize(1);
        assertThatThrownBy(() -> store.open(old.id())).isInstanceOf(br.com.balcao.shared.NotFoundException.class);
    }

    private long rowsOf(long number) {
        return jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, number);
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PDF-like stream of {@code size} bytes made as it is read, never held whole; hashed into {@code digest}. */
    private static final class Generated extends InputStream {

        private final long size;
        private final MessageDigest digest;
        private long position;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                long at = position + i;
                buffer[offset + i] = at < 5 ? (byte) "%PDF-".charAt((int) at) : (byte) (at * 31 + (at >>> 9));
            }
            if (digest != null) {
                digest.update(buffer, offset, count);
            }
            position += count;
            return count;
        }
    }
}
