package br.com.balcao.media;

import java.time.Duration;

/** A voice note as written by {@link VoiceNotes}: always Ogg Opus ({@link #CONTENT_TYPE}), and how long it plays. */
public record VoiceNote(Duration duration) {

    /** The type to store and to upload to WhatsApp: Ogg with the Opus codec, the only one it plays as a voice note. */
    public static final String CONTENT_TYPE = "audio/ogg; codecs=opus";

    /** Whole seconds, rounded to the nearest and at least 1 for any sound, for {@code media_files.duration_seconds}. */
    public int durationSeconds() {
        long rounded = (duration.toMillis() + 500) / 1000;
        return (int) (rounded == 0 && !duration.isZero() ? 1 : rounded);
    }
}
