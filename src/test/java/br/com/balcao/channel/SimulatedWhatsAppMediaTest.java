package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.channel.SimulatedWhatsAppMedia.Stored;
import br.com.balcao.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated WhatsApp keeps a customer's file under a media id and serves it back through the simulated
 * gateway, as Meta serves a download; it takes only the types and sizes WhatsApp carries, read as a stream.
 */
class SimulatedWhatsAppMediaTest {

    private static final long MB = 1024L * 1024;

    @TempDir
    Path folder;

    @Test
    void aKeptFileIsServedByTheGatewayUnderItsMediaIdWithItsTypeSizeAndHash() throws Exception {
        SimulatedWhatsAppMedia files = new SimulatedWhatsAppMedia(folder);
        byte[] content = "%PDF-1.4 nota fiscal".getBytes(StandardCharsets.UTF_8);

        Stored stored = files.store(new java.io.ByteArrayInputStream(content), "application/pdf");
        SimulatedGateway gateway = new SimulatedGateway(null, files, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        MediaFile file = gateway.media(stored.mediaId()).orElseThrow();

        ByteArrayOutputStream served = new ByteArrayOutputStream();
        file.writeTo(served);
        assertThat(served.toByteArray()).isEqualTo(content);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.length()).isEqualTo(content.length);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(content)));
        gateway.close();
    }

    @Test
    void anUnknownOrForgedMediaIdIsEmptyAtOnce() {
        SimulatedWhatsAppMedia files = new SimulatedWhatsAppMedia(folder);
        Stored stored = files.store(bytes(10), "image/png");

        for (String id : List.of("1234567890123456", "../" + stored.mediaId(), stored.mediaId() + ".type", "",
                "wamid.x")) {
            assertThat(files.file(id)).as(id).isEmpty();
        }
        assertThat(files.file(null)).isEmpty();
        assertThat(new SimulatedWhatsAppMedia(folder.resolve("never-made")).file("1234567890123456")).isEmpty();
    }

    @Test
    void eachTypeIsTakenUpToWhatsAppsLimitAndRefusedOneByteAboveLeavingNothing() throws IOException {
        SimulatedWhatsAppMedia files = new SimulatedWhatsAppMedia(folder);

        assertThat(files.store(bytes(5 * MB), "image/jpeg").size()).isEqualTo(5 * MB);
        assertThat(files.store(bytes(16 * MB), "audio/ogg; codecs=opus").size()).isEqualTo(16 * MB);
        long kept = count(folder);

        record TooLarge(String type, long size, long limitMb) {
        }
        for (TooLarge tooLarge : List.of(new TooLarge("image/png", 5 * MB + 1, 5),
                new TooLarge("audio/mpeg", 16 * MB + 1, 16), new TooLarge("video/mp4", 16 * MB + 1, 16),
                new TooLarge("application/pdf", 100 * MB + 1, 100))) {
            assertThatThrownBy(() -> files.store(bytes(tooLarge.size()), tooLarge.type())).as(tooLarge.type())
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                        assertThat(refused.getCodes()).containsExactly("simulator.error.mediaSize");
                        assertThat(refused.getArguments()).containsExactly(tooLarge.limitMb());
                    });
        }
        assertThat(count(folder)).isEqualTo(kept);
    }

    @Test
    void aTypeWhatsAppDoesNotCarryIsRefusedBeforeAnythingIsRead() throws IOException {
        SimulatedWhatsAppMedia files = new SimulatedWhatsAppMedia(folder);

        for (String type : new String[] {"image/gif", "image/webp", "application/zip", "text/html", "audio/webm", "",
                null}) {
            InputStream untouched = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("read a file of a type WhatsApp does not carry");
                }
            };
            assertThatThrownBy(() -> files.store(untouched, type)).as(type)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refused -> assertThat(refused.getCodes()).containsExactly("simulator.error.mediaType"));
        }
        assertThat(count(folder)).isZero();
    }

    /** A stream of {@code size} bytes made as it is read, so that no test holds 100 MB. */
    private static InputStream bytes(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
