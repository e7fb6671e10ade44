package br.com.balcao.conversations;

import static br.com.balcao.conversations.ConversationFixtures.daysAgo;
import static br.com.balcao.conversations.ConversationFixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Message content search: words inside messages, accents and plurals, snippets, numbers and retention. */
@IntegrationTest
class MessageSearchTest {

    private static final Pattern HIT = Pattern.compile("data-message-id=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationFixtures fixtures;

    @Autowired
    TestClock clock;

    long number;
    long agent;
    long contact;

    @BeforeEach
    void aContactOfANumber() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Loja " + TestData.unique());
        agent = fixtures.agent("Ana Agente", number);
        contact = fixtures.contact(number, "Otávio Conteúdo", TestData.waId(), minutesAgo(1));
    }

    @Test
    void aWordInsideAMessageIsFoundWithoutAccentsAndInOtherFormsWithItsSnippetMarked() throws Exception {
        String unique = "xarope" + TestData.unique();
        long message = fixtures.inbound(contact, null,
                "Bom dia! O pagamento da fatura atrasada não compensou, o código " + unique + " está certo?",
                minutesAgo(30));
        fixtures.inbound(contact, null, "Outra mensagem qualquer " + unique.toUpperCase(), daysAgo(91));

        for (String typed : List.of(unique, "fatura " + unique, "faturas atrasadas " + unique, "CÓDIGO " + unique)) {
            String page = search(typed, agent);
            assertThat(hits(page)).as(typed).containsExactly(message);
        }
        String page = search("codigo " + unique, agent);
        assertThat(page).contains("<mark>código</mark>").contains("<mark>" + unique + "</mark>")
                .contains("Otávio Conteúdo")
                .contains("/conversations/" + contact + "?at=" + message + "&amp;hl=codigo%20" + unique + "#m" + message);
    }

    @Test
    void nothingFromANumberTheUserMayNotSee() throws Exception {
        String unique = "framboesa" + TestData.unique();
        long otherNumber = fixtures.quietNumber("Outra " + TestData.unique());
        long otherContact = fixtures.contact(otherNumber, "Alheio", TestData.waId(), minutesAgo(1));
        fixtures.inbound(otherContact, null, "segredo " + unique, minutesAgo(5));
        long mine = fixtures.inbound(contact, null, "meu " + unique, minutesAgo(6));

        assertThat(hits(search(unique, agent))).containsExactly(mine);
        long agentOfOther = fixtures.agent("Bruno", otherNumber);
        assertThat(search(unique, agentOfOther)).doesNotContain("meu ").contains("segredo");
    }

    @Test
    void customerTextInTheSnippetIsNeverHtml() throws Exception {
        String unique = "pitanga" + TestData.unique();
        fixtures.inbound(contact, null, "<script>alert(1)</script> " + unique, minutesAgo(5));

        String page = search(unique, agent);

        assertThat(page).doesNotContain("<script>alert(1)</script>")
                .contains("alert(1)&lt;/script&gt; <mark>" + unique + "</mark>");
    }

    @Test
    void anEmptyResultMentionsTheRetention() throws Exception {
        String page = search("inexistente" + TestData.unique(), agent);

        assertThat(hits(page)).isEmpty();
        assertThat(page).contains("mensagens com mais de 90 dias não entram na busca por conteúdo");
    }

    private String search(String words, long userId) throws Exception {
        return mvc.perform(get("/conversations").param("q", words).param("in", "messages")
                        .with(user(fixtures.userOf(userId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> hits(String page) {
        return HIT.matcher(page).results().map(match -> Long.valueOf(match.group(1))).toList();
    }
}
