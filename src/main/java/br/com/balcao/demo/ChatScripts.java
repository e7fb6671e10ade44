package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What customers and agents say in the demo conversations, by subject. */
final class ChatScripts {

    record Attachment(String type, String mimeType, String fileName, String caption) {
    }

    record Topic(String tag, List<String> questions, List<String> answers, List<String> replies,
                 List<Attachment> attachments) {
    }

    static final Attachment PHOTO = new Attachment("IMAGE", "image/jpeg", null, "Olha a foto");
    static final Attachment PHOTO_NO_CAPTION = new Attachment("IMAGE", "image/jpeg", null, null);
    static final Attachment VOICE = new Attachment("AUDIO", "audio/ogg; codecs=opus", null, null);
    static final Attachment VIDEO = new Attachment("VIDEO", "video/mp4", null, "Veja o que acontece");
    static final Attachment RECEIPT = new Attachment("DOCUMENT", "application/pdf", "comprovante_pix.pdf",
            "Segue o comprovante");
    static final Attachment INVOICE = new Attachment("DOCUMENT", "application/pdf", "nota_fiscal.pdf", null);
    static final Attachment LOCATION = new Attachment("LOCATION", null, null, null);
    static final Attachment BOLETO = new Attachment("DOCUMENT", "application/pdf", "boleto_segunda_via.pdf",
            "Segue o boleto atualizado");

    /** The subjects, as {@code demo/chat-topics.json} writes them, by name. */
    private static final Map<String, Topic> TOPICS = readTopics();
    static final Topic FINANCEIRO = TOPICS.get("FINANCEIRO");

    static final List<String> GREETINGS = List.of("Oi", "Olá", "Oi, tudo bem?", "Oii", "Olá, tudo bem?", "Opa");
    static final List<String> NUDGES = List.of("Alguém?", "Oi?? Tem alguém aí?", "Vou tentar mais tarde.", "?");
    static final List<String> THANKS = List.of("Não, era só isso. Obrigado!", "Só isso mesmo, valeu!",
            "Não, obrigada!", "Era isso, obrigado pela ajuda 🙂");
    static final List<String> ANYTHING_ELSE = List.of("Posso ajudar em algo mais?", "Mais alguma dúvida?",
            "Ficou alguma dúvida?");
    static final List<String> ACTIVE_REPLIES = List.of("Oi! Sim, por favor.", "Pode sim, obrigado por retornar!",
            "Oi, ainda preciso de ajuda.", "Sim! Eu tinha mandado mensagem ontem.");
    static final List<String> NOTES = List.of(
            "Cliente pediu retorno por telefone no fim da tarde.",
            "Já é cliente antigo, tratar com prioridade.",
            "Enviado para o financeiro conferir o pagamento.",
            "Cliente irritado, evitar transferir novamente.",
            "Prefere ser atendido pelo WhatsApp, não ligar.",
            "Aguardando a transportadora confirmar a nova data de entrega.",
            "Produto trocado na loja, sem custo.",
            "Combinado desconto de 10% na próxima compra.");

    static List<Topic> topics(DemoNumber number) {
        if (number.id() == DemoCatalog.ASSISTENCIA.id()) {
            return topics("CONSERTO", "CONSERTO", "CONSERTO", "RECLAMACAO", "FINANCEIRO", "ELOGIO");
        }
        if (number.id() == DemoCatalog.LOJA_ONLINE.id()) {
            return topics("ENTREGA", "ENTREGA", "ENTREGA", "VENDA", "VENDA", "TROCA", "FINANCEIRO", "RECLAMACAO",
                    "ELOGIO");
        }
        return topics("DUVIDA", "DUVIDA", "DUVIDA", "VENDA", "TROCA", "TROCA", "FINANCEIRO", "RECLAMACAO", "ELOGIO");
    }

    private static List<Topic> topics(String... names) {
        return Arrays.stream(names).map(name -> Objects.requireNonNull(TOPICS.get(name), name)).toList();
    }

    /** A subject as the file writes it: its attachments by the names of the constants above. */
    private record TopicText(String tag, List<String> questions, List<String> answers, List<String> replies,
                             List<String> attachments) {
    }

    private static Map<String, Topic> readTopics() {
        Map<String, Attachment> attachments = Map.of("PHOTO", PHOTO, "PHOTO_NO_CAPTION", PHOTO_NO_CAPTION,
                "VOICE", VOICE, "VIDEO", VIDEO, "RECEIPT", RECEIPT, "INVOICE", INVOICE, "LOCATION", LOCATION);
        Map<String, TopicText> texts = JsonMapper.builder().build().readValue(
                ChatScripts.class.getResourceAsStream("/demo/chat-topics.json"), new TypeReference<>() {
                });
        Map<String, Topic> topics = new HashMap<>();
        texts.forEach((name, text) -> topics.put(name, new Topic(text.tag(), text.questions(), text.answers(),
                text.replies(), text.attachments().stream()
                        .map(a -> Objects.requireNonNull(attachments.get(a), a)).toList())));
        return topics;
    }

    static String greeting(int localHour) {
        if (localHour >= 5 && localHour < 12) {
            return "Bom dia";
        }
        return localHour >= 12 && localHour < 18 ? "Boa tarde" : "Boa noite";
    }

    private ChatScripts() {
    }
}
