package br.com.balcao.history;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PdfMessageTest {

    @Test
    void aStoredAddressWinsThenTheHelpdesksMediaPageThenNothing() {
        assertThat(media("wamid-media", "https://cdn.example.com/a.jpg").mediaLink("https://balcao.example.com"))
                .isEqualTo("https://cdn.example.com/a.jpg");
        assertThat(media("wamid-media", null).mediaLink("https://balcao.example.com"))
                .isEqualTo("https://balcao.example.com/messages/7/media");
        assertThat(media(null, " ").mediaLink("https://balcao.example.com")).isNull();
    }

    @Test
    void aFileTheAppKeepsOpensOnTheHelpdesksMediaPage() {
        PdfMessage sentByAnAgent = new PdfMessage(8, Instant.EPOCH, AuthorType.AGENT, "Ana", MessageType.DOCUMENT,
                null, null, 42L, null, "orcamento.pdf", null, null, null, null);

        assertThat(sentByAnAgent.mediaLink("https://balcao.example.com"))
                .isEqualTo("https://balcao.example.com/messages/8/media");
    }

    private static PdfMessage media(String mediaId, String url) {
        return new PdfMessage(7, Instant.EPOCH, AuthorType.CUSTOMER, null, MessageType.IMAGE, null, mediaId, null,
                url, "a.jpg", null, null, null, null);
    }
}
