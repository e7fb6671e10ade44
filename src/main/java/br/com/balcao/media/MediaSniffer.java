package br.com.balcao.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The real type of a file, from its first bytes (the formats' magic numbers), never from what the browser said.
 * Where the bytes name only a container (a ZIP for Word, Excel and PowerPoint since 2007, the OLE2 file of the
 * older ones, plain text), the file name's extension picks among the types that container may hold.
 */
final class MediaSniffer {

    /** How many first bytes {@link #mimeType} reads. */
    static final int HEAD = 64;

    private static final Map<String, String> OPEN_XML = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final Map<String, String> OLE2 = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

    private MediaSniffer() {
    }

    /** The MIME type the bytes show, or null when they are none WhatsApp accepts. */
    static String mimeType(byte[] head, String fileName) {
        String extension = extension(fileName);
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(head, 'P', 'K', 3, 4)) {
            return OPEN_XML.get(extension);
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2.get(extension);
        }
        if (starts(head, '#', '!', 'A', 'M', 'R')) {
            return "audio/amr";
        }
        if (starts(head, 'O', 'g', 'g', 'S')) {
            return ascii(head, 28, 8).equals("OpusHead") ? "audio/ogg" : null;
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return isoMedia(ascii(head, 8, 4), extension);
        }
        if (starts(head, 'I', 'D', '3')) {
            return "audio/mpeg";
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF0) == 0xF0) {
            // A frame header: ADTS (AAC) has layer bits 00, MPEG audio (MP3) does not.
            return (head[1] & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
        }
        if ("txt".equals(extension) && looksLikeText(head)) {
            return "text/plain";
        }
        return null;
    }

    /** An MP4 family file by its major brand: 3GPP, an audio-only MPEG-4, or an MPEG-4 video. */
    private static String isoMedia(String brand, String extension) {
        if (brand.startsWith("3g")) {
            return "video/3gpp";
        }
        if (brand.startsWith("M4A") || "m4a".equals(extension)) {
            return "audio/mp4";
        }
        return "video/mp4";
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0 || c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] head, int from, int length) {
        return head.length < from + length ? ""
                : new String(Arrays.copyOfRange(head, from, from + length), StandardCharsets.ISO_8859_1);
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
