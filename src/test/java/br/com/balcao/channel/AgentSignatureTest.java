package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an agent's signature changes of a message on its way to WhatsApp, and what it leaves alone. */
class AgentSignatureTest {

    @Test
    void anAgentsTextStartsWithTheirNameInBold() {
        assertThat(AgentSignature.sign(message(MessageType.TEXT, "Seu pedido sai hoje.", null, "Ana")).text())
                .isEqualTo("*Ana:*\nSeu pedido sai hoje.");
    }

    @Test
    void aCaptionIsSignedAndAMediaMessageWithoutOneIsLeftAlone() {
        OutboundMessage captioned = AgentSignature.sign(message(MessageType.IMAGE, null, "A nota fiscal", "Ana"));
        OutboundMessage bare = message(MessageType.DOCUMENT, null, " ", "Ana");
        OutboundMessage audio = message(MessageType.AUDIO, null, null, "Ana");

        assertThat(captioned.mediaCaption()).isEqualTo("*Ana:*\nA nota fiscal");
        assertThat(AgentSignature.sign(bare)).isSameAs(bare);
        assertThat(AgentSignature.sign(audio)).isSameAs(audio);
    }

    @Test
    void automationAndTemplatesAreNotSigned() {
        OutboundMessage automation = message(MessageType.TEXT, "Estamos fora do horário.", null, null);
        OutboundMessage template = new OutboundMessage(1, 2, 3, "5511998871234", MessageType.TEMPLATE, null,
                "order_update", "pt_BR", List.of("Ana"), 1, null, null, false, null, "Ana");

        assertThat(AgentSignature.sign(automation)).isSameAs(automation);
        assertThat(AgentSignature.sign(template)).isSameAs(template);
    }

    @Test
    void aSignatureThatWouldPassWhatsAppsLimitIsLeftOffAndAsterisksInTheNameAreDropped() {
        String longest = "x".repeat(AgentSignature.MAX_TEXT - 5);

        assertThat(AgentSignature.sign(message(MessageType.TEXT, longest, null, "Ana")).text()).isEqualTo(longest);
        assertThat(AgentSignature.sign(message(MessageType.TEXT, "Oi", null, "*Bia*")).text()).isEqualTo("*Bia:*\nOi");
    }

    private static OutboundMessage message(MessageType type, String text, String caption, String author) {
        return new OutboundMessage(1, 2, 3, "5511998871234", type, text, null, null, List.of(), 1,
                caption == null ? null : 10L, caption, false, null, author);
    }
}
