package br.com.balcao.media;

/** A file grew past the store's largest size while it was copied; nothing was kept. */
public class MediaTooLargeException extends RuntimeException {

    MediaTooLargeException(long maxBytes) {
        super("The file is larger than " + maxBytes + " bytes");
    }
}
