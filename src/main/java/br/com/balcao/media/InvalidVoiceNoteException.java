package br.com.balcao.media;

import br.com.balcao.shared.BadRequestException;

/**
 * A recording that is not a voice note WhatsApp can play: not WebM or Ogg, not Opus, truncated or malformed.
 * Whatever was written to the output before it was thrown is incomplete and must be discarded.
 */
public final class InvalidVoiceNoteException extends BadRequestException {

    InvalidVoiceNoteException(String message) {
        super(message);
    }
}
