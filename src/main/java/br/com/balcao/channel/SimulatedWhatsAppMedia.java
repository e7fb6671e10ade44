package br.com.balcao.channel;

import br.com.balcao.media.MediaKind;
import br.com.balcao.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files the demo's WhatsApp keeps: what simulated customers send, each under a media id of its own in a folder
 * ({@code balcao.whatsapp.simulated.media-folder}), served back to the app by {@link SimulatedGateway#media} as
 * Meta serves a customer's file. Only the types and sizes WhatsApp carries are taken, and files are streamed to
 * disk, never held whole in memory.
 */
final class SimulatedWhatsAppMedia {

    private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{16}");
    private static final String TYPE_SUFFIX = ".type";

    /** A file kept: its media id, type (as the customer's phone declared it), base64 SHA-256 and size. */
    record Stored(String mediaId, MediaKind kind, String mimeType, String sha256, long size) {
    }

    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    SimulatedWhatsAppMedia(Path folder) {
        this.folder = folder;
    }

    /**
     * Keeps the file, read to its end from {@code content}; refused (nothing kept) when WhatsApp does not carry its
     * type or it is larger than WhatsApp takes for that type.
     */
    Stored store(InputStream content, String mimeType) {
        MediaKind kind = MediaKind.of(bare(mimeType));
        if (kind == null) {
            throw new InvalidInputException("simulator.error.mediaType");
        }
        long maxBytes = kind.maxSize().toBytes();
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "upload-", ".part");
            try {
                MessageDigest sha256 = sha256();
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    size = copyAtMost(content, out, maxBytes);
                }
                if (size > maxBytes) {
                    throw new InvalidInputException("simulator.error.mediaSize", kind.maxSize().toMegabytes());
                }
                String mediaId = newMediaId();
                Files.writeString(folder.resolve(mediaId + TYPE_SUFFIX), mimeType.strip(), StandardCharsets.UTF_8);
                Files.move(partial, folder.resolve(mediaId), StandardCopyOption.ATOMIC_MOVE);
                return new Stored(mediaId, kind, mimeType.strip(), Base64.getEncoder().encodeToString(sha256.digest()),
                        size);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated WhatsApp could not keep a file", e);
        }
    }

    /** The file kept under this media id; empty, at once, for any other id. */
    Optional<MediaFile> file(String mediaId) {
        if (mediaId == null || !MEDIA_ID.matcher(mediaId).matches()) {
            return Optional.empty();
        }
        Path content = folder.resolve(mediaId);
        Path type = folder.resolve(mediaId + TYPE_SUFFIX);
        if (!Files.isRegularFile(content) || !Files.isRegularFile(type)) {
            return Optional.empty();
        }
        try {
            String mimeType = Files.readString(type, StandardCharsets.UTF_8);
            long length = Files.size(content);
            return Optional.of(new KeptFile(content, mimeType, length));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A kept file, copied from disk to whoever downloads it. */
    private record KeptFile(Path content, String contentType, long length) implements MediaFile {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(content, out);
        }
    }

    /** Copies until the end or one byte past {@code max}; the bytes copied. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while (copied <= max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - copied))) != -1) {
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    /** A new id of 16 digits, as Meta's media ids are digits. */
    private String newMediaId() {
        return String.valueOf(1_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000_000_000L);
    }

    private static String bare(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int parameters = mimeType.indexOf(';');
        return (parameters < 0 ? mimeType : mimeType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
