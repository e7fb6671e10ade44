package br.com.balcao.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** A ticket's PDF read back with PDFBox: header, transfer chain, messages in order, links, notes, footer. */
@IntegrationTest
class TicketPdfTest {

    private static final Instant OPENED = Instant.parse("2026-11-12T12:30:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    HistoryFixtures fixtures;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    long number;
    String numberName;
    long agent;
    UserDetails manager;

    @BeforeEach
    void aNumberWithAnAgentAndAManager() {
        clock.set(TestClock.START);
        numberName = "Loja São João " + TestData.unique();
        number = fixtures.quietNumber(numberName);
        agent = data.agent(number, "OFFLINE");
        fixtures.rename(agent, "Conceição Araújo");
        long managerId = data.user("MANAGER", data.email("manager"));
        data.member(managerId, number);
        manager = fixtures.userOf(managerId);
    }

    @Test
    void theHeaderTheConversationInOrderTheLinksAndTheNotes() throws Exception {
        long contact = fixtures.contact(number, "Maria Antônia Gonçalves", "5511987654321");
        long first = fixtures.ticket(number, contact, agent, OPENED.minus(Duration.ofHours(2)), "CLOSED", "TRANSFERRED");
        long ticket = fixtures.ticket(number, contact, agent, OPENED, "CLOSED", "ATTENDANT", first);
        long next = fixtures.ticket(number, contact, agent, OPENED.plus(Duration.ofHours(1)), "CLOSED", "CLIENT", ticket);
        long tag = fixtures.tag("Cobrança " + TestData.unique(), "#dc3545");
        fixtures.tagTicket(ticket, tag);
        List<String> texts = List.of(
                "Olá! Não consigo emitir a 2ª via do boleto — ação urgente, por favor.",
                "Bom dia, Maria. Vou verificar já já; é só um instante.",
                "<script>alert('oi')</script> <b>negrito</b> & \"aspas\"",
                "Obrigada pela paciência: ÀÉÎÕÜ àéîõü ç Ç ñ ß €");
        fixtures.customerMessage(ticket, texts.get(0), OPENED.plusSeconds(10));
        fixtures.automationMessage(ticket, "Estamos com poucos atendentes hoje.", OPENED.plusSeconds(11));
        fixtures.agentMessage(ticket, agent, texts.get(1), OPENED.plusSeconds(60));
        fixtures.customerMessage(ticket, texts.get(2), OPENED.plusSeconds(120));
        fixtures.mediaMessage(ticket, "IMAGE", "https://media.example.com/foto-do-boleto.jpg", "foto-do-boleto.jpg",
                "Segue a foto", OPENED.plusSeconds(130));
        long audio = fixtures.mediaMessage(ticket, "AUDIO", null, "áudio.ogg", null, OPENED.plusSeconds(135));
        fixtures.mediaMessage(ticket, "DOCUMENT", "https://media.example.com/comprovante.pdf", "comprovante.pdf", null,
                OPENED.plusSeconds(140));
        fixtures.locationMessage(ticket, -23.5505, -46.6333, OPENED.plusSeconds(150));
        fixtures.agentMessage(ticket, agent, texts.get(3), OPENED.plusSeconds(200));
        fixtures.note(ticket, agent, "Cliente pediu retorno por e-mail à tarde.", OPENED.plusSeconds(300));

        MockHttpServletResponse response = pdf(ticket, manager);

        assertThat(response.getContentType()).isEqualTo("application/pdf");
        long ticketNumber = fixtures.ticketNumber(ticket);
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + FileNames.slug(numberName) + "-ticket-" + ticketNumber + ".pdf\"");
        assertThat(FileNames.slug(numberName)).startsWith("loja-sao-joao-");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = visualText(pdf);
            assertThat(text).contains("Ticket #" + ticketNumber + " · " + numberName,
                    "Maria Antônia Gonçalves", "+55 11 98765-4321", "Conceição Araújo", "Encerrado (pelo atendente)",
                    "12/11/2026 09:30", "12/11/2026 10:12", "42 min 00 s", "Cobrança ", "+55 11 3000-");
            assertThat(text).contains("Tickets ligados por transferência",
                    "#" + fixtures.ticketNumber(first) + " · aberto em 12/11/2026 07:30",
                    "#" + fixtures.ticketNumber(next) + " · aberto em 12/11/2026 10:30", "(este ticket)");
            assertThat(text).containsSubsequence("12/11/2026 09:30:10", texts.get(0), "Mensagem automática",
                    "Conceição Araújo (Atendente)", texts.get(1), "12/11/2026 09:32:00", texts.get(2),
                    "Imagem: foto-do-boleto.jpg", "Segue a foto", "Áudio: áudio.ogg", "Documento: comprovante.pdf",
                    "Localização: -23.5505, -46.6333", texts.get(3), "Notas internas",
                    "Cliente pediu retorno por e-mail à tarde.");
            assertThat(text).contains("Página 1 de 1", "Gerado em 16/11/2026 14:00 (America/Sao_Paulo)");
            assertThat(links(pdf)).containsExactly("https://media.example.com/foto-do-boleto.jpg",
                    "http://localhost/messages/" + audio + "/media", "https://media.example.com/comprovante.pdf",
                    "https://www.openstreetmap.org/?mlat=-23.5505&mlon=-46.6333");
            assertThat(embeddedFonts(pdf)).isNotEmpty().allSatisfy(name -> assertThat(name).contains("LiberationSans"));
        }
    }

    @Test
    void aCharacterTheFontCannotDrawIsReplacedVisibly() throws Exception {
        long ticket = ticket();
        fixtures.customerMessage(ticket, "Adorei 😀 o atendimento 谢谢 fim", OPENED.plusSeconds(5));

        String text = text(pdf(ticket, manager));

        assertThat(text).contains("Adorei ? o atendimento ?? fim").doesNotContain("😀");
    }

    @Test
    void aLongConversationKeepsEveryMessageInOrderAcrossPages() throws Exception {
        long ticket = ticket();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = "Mensagem número " + i + " com acentuação";
            texts.add(body + "\n");
            fixtures.customerMessage(ticket, body, OPENED.plusSeconds(i));
        }

        String text = text(pdf(ticket, manager));

        assertThat(text).containsSubsequence(texts);
        assertThat(text).contains("Página 1 de ").containsPattern("Página (\\d+) de \\1");
    }

    @Test
    void anEmptyTicketSaysSoInEnglishToo() throws Exception {
        long ticket = ticket();

        String text = text(mvc.perform(get("/history/{id}/pdf?lang=en", ticket).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse());

        assertThat(text).contains("No messages in this ticket.", "No notes on this ticket.", "Page 1 of 1",
                "Status", "Closed (by the agent)");
    }

    @Test
    void anAgentOfTheNumberGetsAnyTicketEvenOlderThanTheList() throws Exception {
        long old = fixtures.ticket(number, fixtures.contact(number, "Antiga", "5511900000001"), agent,
                TestClock.START.minus(Duration.ofDays(200)), "CLOSED", "LOST");

        assertThat(text(pdf(old, fixtures.userOf(agent)))).contains("Encerrado (perdido)");
    }

    @Test
    void anotherNumbersTicketIsNotFoundAndNoPdfIsMade() throws Exception {
        long otherNumber = fixtures.quietNumber("Outra " + TestData.unique());
        long foreign = fixtures.ticket(otherNumber, fixtures.contact(otherNumber, "Alguém", "5511900000002"), null,
                OPENED, "CLOSED", "LOST");

        MockHttpServletResponse response = mvc.perform(get("/history/{id}/pdf", foreign).with(user(manager)))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        MockHttpServletResponse missing = mvc.perform(get("/history/{id}/pdf", Long.MAX_VALUE).with(user(manager)))
                .andExpect(status().isNotFound()).andReturn().getResponse();

        assertThat(response.getContentType()).isNotEqualTo("application/pdf");
        assertThat(response.getContentAsString()).doesNotContain("%PDF");
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(missing.getContentAsString()).doesNotContain("%PDF");
    }

    private long ticket() {
        return fixtures.ticket(number, fixtures.contact(number, "Cliente", "55119" + String.format("%08d",
                TestData.unique() % 100_000_000)), agent, OPENED, "CLOSED", "ATTENDANT");
    }

    private MockHttpServletResponse pdf(long ticketId, UserDetails user) throws Exception {
        return mvc.perform(get("/history/{id}/pdf", ticketId).with(user(user))).andExpect(status().isOk())
                .andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            return visualText(pdf);
        }
    }

    /** The text as a reader sees it, top to bottom (tables are drawn on their own layer, after the flow). */
    private static String visualText(PDDocument pdf) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }

    private static List<String> links(PDDocument pdf) throws Exception {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }

    private static List<String> embeddedFonts(PDDocument pdf) throws Exception {
        List<String> names = new ArrayList<>();
        PDPage page = pdf.getPage(0);
        for (var name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            names.add(font.getName());
        }
        return names;
    }
}
