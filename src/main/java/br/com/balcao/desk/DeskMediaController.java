package br.com.balcao.desk;

import br.com.balcao.media.AcceptedMedia;
import br.com.balcao.media.MediaKind;
import br.com.balcao.media.MediaLimits;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.MediaTooLargeException;
import br.com.balcao.media.StoredMedia;
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
 * queued as a media message with the rules of a text reply. The upload itself reaches WhatsApp after commit.
 */
@Controller
record DeskMediaController(DeskTickets tickets, TicketActions actions, AccessPolicy access, MediaStore store,
        MessageSource messages) {

    /** The composer's attachment: the file, its caption, and whether it is a voice note recorded in the browser. */
    record MediaParams(MultipartFile file, String caption, Boolean voice) {

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
        AcceptedMedia media = MediaLimits.check(file.getInputStream(), file.getSize(), file.getOriginalFilename(),
                params.caption());
        if (params.voiceNote() && media.kind() != MediaKind.AUDIO) {
            throw new InvalidInputException("media.refused.type");
        }
        StoredMedia stored;
        try (InputStream content = file.getInputStream()) {
            stored = store.store(ticket.numberId(), content, media.mimeType(), media.fileName(), null);
        }
        try {
            actions.sendMedia(ticket.id(), access.currentUser().id(), new OutgoingMedia(stored.id(),
                    MessageType.valueOf(media.kind().name()), media.fileName(), media.mimeType(), media.caption(),
                    params.voiceNote()));
        } catch (RuntimeException refused) {
            store.discard(stored.id());
            throw refused;
        }
        return ResponseEntity.noContent().build();
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
