package br.com.balcao.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** WhatsApp's limits, read from the file's first bytes: what each kind accepts, and the refusals' words. */
class MediaLimitsTest {

    private static final int MB = 1024 * 1024;

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[64];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] ascii(int offset, String text, byte[] into) {
        byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(chars, 0, into, offset, chars.length);
        return into;
    }

    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0);
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    static final byte[] PDF = ascii(0, "%PDF-1.7\n", new byte[64]);
    static final byte[] ZIP = bytes('P', 'K', 3, 4);
    static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    static final byte[] MP4 = ascii(4, "ftypisom", new byte[64]);
    static final byte[] M4A = ascii(4, "ftypM4A ", new byte[64]);
    static final byte[] THREE_GP = ascii(4, "ftyp3gp5", new byte[64]);
    static final byte[] OPUS = ascii(28, "OpusHead", ascii(0, "OggS", new byte[64]));
    static final byte[] VORBIS = ascii(28, "\u0001vorbis", ascii(0, "OggS", new byte[64]));
    static final byte[] MP3 = ascii(0, "ID3", new byte[64]);
    static final byte[] AAC = bytes(0xFF, 0xF1, 0x50, 0x80);
    static final byte[] AMR = ascii(0, "#!AMR\n", new byte[64]);
    static final byte[] WEBM = bytes(0x1A, 0x45, 0xDF, 0xA3);
    static final byte[] EXE = ascii(0, "MZ", new byte[64]);

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MediaLimitsTest() {
        messages.setBasenames("i18n/media");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest
    @CsvSource({
            "JPEG, foto.jpg, IMAGE, image/jpeg",
            "PNG, print.png, IMAGE, image/png",
            "PNG, disguised.jpg, IMAGE, image/png",
            "PDF, nota.pdf, DOCUMENT, application/pdf",
            "ZIP, proposta.docx, DOCUMENT, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ZIP, planilha.xlsx, DOCUMENT, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ZIP, slides.pptx, DOCUMENT, application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "OLE2, antigo.doc, DOCUMENT, application/msword",
            "OLE2, antigo.xls, DOCUMENT, application/vnd.ms-excel",
            "OLE2, antigo.ppt, DOCUMENT, application/vnd.ms-powerpoint",
            "MP4, video.mp4, VIDEO, video/mp4",
            "THREE_GP, video.3gp, VIDEO, video/3gpp",
            "M4A, audio.m4a, AUDIO, audio/mp4",
            "OPUS, voz.ogg, AUDIO, audio/ogg",
            "MP3, musica.mp3, AUDIO, audio/mpeg",
            "AAC, som.aac, AUDIO, audio/aac",
            "AMR, gravacao.amr, AUDIO, audio/amr"
    })
    void eachTypeWhatsAppAcceptsIsReadFromItsFirstBytes(String magic, String fileName, MediaKind kind, String mimeType)
            throws Exception {
        byte[] head = (byte[]) MediaLimitsTest.class.getDeclaredField(magic).get(null);

        AcceptedMedia accepted = MediaLimits.check(new ByteArrayInputStream(head), 1000, fileName, null);

        assertThat(accepted.kind()).isEqualTo(kind);
        assertThat(accepted.mimeType()).isEqualTo(mimeType);
        assertThat(accepted.fileName()).isEqualTo(fileName);
    }

    @Test
    void plainTextIsADocumentWhenItIsText() {
        byte[] text = "Pedido 1042\r\nEndereço: Rua A\tnº 5".getBytes(StandardCharsets.UTF_8);
        assertThat(MediaLimits.check(new ByteArrayInputStream(text), text.length, "pedido.txt", null).mimeType())
                .isEqualTo("text/plain");
        byte[] binary = Arrays.copyOf(EXE, 64);
        assertThat(refusal(() -> MediaLimits.check(new ByteArrayInputStream(binary), 64, "leia.txt", null)))
                .startsWith("O WhatsApp não aceita este tipo de arquivo.");
    }

    @Test
    void whatWhatsAppRefusesIsRefusedWhateverItsNameSays() {
        assertThat(refusal(() -> check(EXE, 1000, "foto.png", null)))
                .startsWith("O WhatsApp não aceita este tipo de arquivo. Envie imagens JPEG ou PNG");
        assertThat(refusal(() -> check(WEBM, 1000, "voz.webm", null))).startsWith("O WhatsApp não aceita");
        assertThat(refusal(() -> check(VORBIS, 1000, "musica.ogg", null))).startsWith("O WhatsApp não aceita");
        assertThat(refusal(() -> check(ZIP, 1000, "pacote.zip", null))).startsWith("O WhatsApp não aceita");
    }

    @Test
    void eachKindHasItsLargestSize() {
        assertThat(check(JPEG, 5 * MB, "foto.jpg", null).kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(refusal(() -> check(JPEG, 5 * MB + 1, "foto.jpg", null)))
                .isEqualTo("O WhatsApp aceita imagens de até 5 MB; este arquivo tem 5.0 MB.");
        assertThat(refusal(() -> check(PNG, 7_654_321, "print.png", null)))
                .isEqualTo("O WhatsApp aceita imagens de até 5 MB; este arquivo tem 7.3 MB.");
        assertThat(refusal(() -> check(MP4, 16 * MB + 1, "video.mp4", null))).contains("vídeos de até 16 MB");
        assertThat(refusal(() -> check(OPUS, 17 * MB, "voz.ogg", null))).contains("áudios de até 16 MB");
        assertThat(check(PDF, 100 * MB, "manual.pdf", null).kind()).isEqualTo(MediaKind.DOCUMENT);
        assertThat(refusal(() -> check(PDF, 100 * MB + 1, "manual.pdf", null))).contains("documentos de até 100 MB");
        assertThat(refusal(() -> check(PDF, 0, "vazio.pdf", null))).isEqualTo("O arquivo está vazio.");
    }

    @Test
    void aCaptionGoesOnlyWithPicturesVideosAndDocumentsUpTo1024Characters() {
        assertThat(check(JPEG, 1000, "foto.jpg", "  A peça quebrada  ").caption()).isEqualTo("A peça quebrada");
        assertThat(check(PDF, 1000, "nota.pdf", "   ").caption()).isNull();
        assertThat(check(MP4, 1000, "video.mp4", "x".repeat(1024)).caption()).hasSize(1024);
        assertThat(refusal(() -> check(MP3, 1000, "musica.mp3", "Ouça")))
                .startsWith("O WhatsApp não mostra legenda em áudios");
        assertThat(refusal(() -> check(JPEG, 1000, "foto.jpg", "x".repeat(1025))))
                .isEqualTo("A legenda pode ter até 1024 caracteres; esta tem 1025.");
    }

    @Test
    void refusalsAreWordedInEnglishToo() {
        InvalidInputException refused = (InvalidInputException) catchRefusal(() -> check(JPEG, 6 * MB, "a.jpg", null));
        assertThat(messages.getMessage(refused, Locale.ENGLISH))
                .isEqualTo("WhatsApp accepts images of up to 5 MB; this file has 6 MB.");
    }

    @Test
    void theNameShownIsTheUsersWithoutFoldersOrControlCharacters() {
        assertThat(check(PDF, 10, "C:\\Users\\ana\\Desktop\\nota\u0007.pdf", null).fileName()).isEqualTo("nota.pdf");
        assertThat(check(PDF, 10, "../../etc/passwd.pdf", null).fileName()).isEqualTo("passwd.pdf");
        assertThat(check(PNG, 10, "", null).fileName()).isEqualTo("image");
    }

    private static AcceptedMedia check(byte[] head, long size, String name, String caption) {
        return MediaLimits.check(new ByteArrayInputStream(head), size, name, caption);
    }

    private String refusal(Runnable check) {
        return messages.getMessage((InvalidInputException) catchRefusal(check), Locale.forLanguageTag("pt-BR"));
    }

    private static Throwable catchRefusal(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidInputException.class);
        try {
            check.run();
            throw new AssertionError("not refused");
        } catch (InvalidInputException e) {
            return e;
        }
    }
}
