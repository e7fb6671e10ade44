package br.com.balcao.desk;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.media.AcceptedMedia;
import br.com.balcao.media.InvalidVoiceNoteException;
import br.com.balcao.media.MediaKind;
import br.com.balcao.media.MediaLimits;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.MediaTooLargeException;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.media.VoiceNote;
import br.com.balcao.media.VoiceNotes;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutgoingMedia;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file the agent sends from the composer (the Desk's and Conversations'): checked against WhatsApp's limits
 * from its first bytes before anything is kept, kept by the app (streamed from the upload's temporary file), and
 * queued as a media message with the rules of a text reply. A voice note ({@code voice=true}) is kept as Ogg Opus,
 * converted from the browser's WebM by {@link VoiceNotes}. The upload itself reaches WhatsApp after commit.
 */
@Controller
record DeskMediaController(DeskTickets tickets, TicketActions actions, AccessPolicy access, MediaStore store,
        VoiceNotes voiceNotes, MessageSource messages) {

    private static final String VOICE_NOTE_NAME = "voice-note.ogg";

    /**
     * The composer's attachment: the file, its caption, whether it is a voice note recorded in the browser, and the
     * message it replies to (null for none).
     */
    record MediaParams(MultipartFile file, String caption, Boolean voice, Long replyTo) {

        boolean voiceNote() {
            return Boolean.TRUE.equals(voice);
        }
    }

    /** Answers 204; a refused file 422 and a refused send 409, with the reason as the composer shows it. */
    @PostMapping("/desk/tickets/{ticketId}/media")
    ResponseEntity<Void> send(@PathVariable long ticketId, @ModelAttribute("media") MediaParams params)
            throws IOException {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        access.require(ticket.numberId(), Permission.REPLY);
        MultipartFile file = params.file();
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("media.refused.empty");
        }
        OutgoingMedia media = params.voiceNote() ? voiceNote(ticket, file, params.caption()) : file(ticket, file,
                params.caption());
        try {
            actions.sendMedia(ticket.id(), access.currentUser().id(), media, params.replyTo());
        } catch (RuntimeException refused) {
            store.discard(media.fileId());
            throw refused;
        }
        return ResponseEntity.noContent().build();
    }

    /** A file as the agent picked it: kept as it is, once WhatsApp's limits for its kind are met. */
    private OutgoingMedia file(DeskTicketHeader ticket, MultipartFile file, String caption) throws IOException {
        AcceptedMedia media = MediaLimits.check(file.getInputStream(), file.getSize(), file.getOriginalFilename(),
                caption);
        StoredMedia stored;
        try (InputStream content = file.getInputStream()) {
            stored = store.store(ticket.numberId(), content, media.mimeType(), media.fileName(), null);
        }
        return new OutgoingMedia(stored.id(), MessageType.valueOf(media.kind().name()), media.fileName(),
                media.mimeType(), media.caption(), false);
    }

    /** A recording from the composer's microphone: kept as the Ogg Opus WhatsApp plays as a voice note. */
    private OutgoingMedia voiceNote(DeskTicketHeader ticket, MultipartFile file, String caption) throws IOException {
        long maxBytes = MediaKind.AUDIO.maxSize().toBytes();
        if (file.getSize() > maxBytes) {
            throw new InvalidInputException("media.refused.tooLarge", label("media.kind.AUDIO"),
                    MediaLimits.readable(maxBytes), MediaLimits.readable(file.getSize()));
        }
        if (caption != null && !caption.isBlank()) {
            throw new InvalidInputException("media.refused.caption", label("media.kind.AUDIO"));
        }
        AtomicReference<VoiceNote> note = new AtomicReference<>();
        StoredMedia stored;
        try (InputStream recording = file.getInputStream()) {
            stored = store.store(ticket.numberId(),
                    ogg -> note.set(voiceNotes.toOggOpus(recording, file.getContentType(), ogg)),
                    VoiceNote.CONTENT_TYPE, VOICE_NOTE_NAME, null);
        }
        store.recordDuration(stored.id(), note.get().durationSeconds());
        return new OutgoingMedia(stored.id(), MessageType.AUDIO, VOICE_NOTE_NAME, VoiceNote.CONTENT_TYPE, null, true);
    }

    @ExceptionHandler(InvalidVoiceNoteException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String unplayable(Model model, Locale locale) {
        return refusedFile(new InvalidInputException("media.refused.voice"), model, locale);
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String refusedFile(InvalidInputException refusal, Model model, Locale locale) {
        model.addAttribute("text", messages.getMessage(refusal, locale));
        return "fragments/media :: refusal";
    }

    @ExceptionHandler(MediaTooLargeException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String tooLarge(Model model, Locale locale) {
        return refusedFile(new InvalidInputException("media.refused.tooLargeToUpload"), model, locale);
    }

    @ExceptionHandler(TicketConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(TicketConflictException refusal, Model model) {
        model.addAttribute("reason", refusal.reason());
        return "desk/desk :: refusal";
    }
}
