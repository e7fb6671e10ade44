package br.com.balcao.media;

/**
 * A file that passed WhatsApp's limits: its kind, its real MIME type (read from its first bytes), the name to show
 * (the user's, cleaned) and the caption (null when there is none).
 */
public record AcceptedMedia(MediaKind kind, String mimeType, String fileName, String caption) {
}
