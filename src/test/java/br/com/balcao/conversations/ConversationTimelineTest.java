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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contact timeline across tickets, its paging, its retention limit, its search, and who may open it. */
@IntegrationTest
class ConversationTimelineTest {

    private static final Pattern MESSAGE = Pattern.compile("data-message-id=\"(\\d+)\"");
    private static final Pattern BOUNDARY = Pattern.compile("class=\"ticket-boundary\"\\s+data-ticket=\"([^\"]+)\"");
    private static final Pattern OLDER = Pattern.compile("class=\"[^\"]*load-older\"\\s+hx-get=\"([^\"]+)\"");

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
        contact = fixtures.contact(number, "Helena Timeline", TestData.waId(), minutesAgo(1));
    }

    @Test
    void oneTimelineAcrossTicketsMarksWhereEachTicketBegins() throws Exception {
        long first = fixtures.ticket(number, contact, "OPEN", agent);
        long m1 = fixtures.inbound(contact, first, "primeiro ticket", daysAgo(10));
        long m2 = fixtures.outbound(contact, first, agent, "resposta um", daysAgo(10).plusSeconds(60));
        fixtures.close(first);
        long m3 = fixtures.inbound(contact, null, "fora do horário", daysAgo(5));
        long second = fixtures.ticket(number, contact, "OPEN", agent);
        long m4 = fixtures.inbound(contact, second, "segundo ticket", minutesAgo(30));

        String page = page(get("/conversations/{id}", contact));

        assertThat(ids(page)).containsExactly(m1, m2, m3, m4);
        assertThat(BOUNDARY.matcher(page).results().map(m -> m.group(1)).toList())
                .containsExactly(String.valueOf(first), "none", String.valueOf(second));
        assertThat(page).contains("Helena Timeline").contains("resposta um").contains("Encerrado");
    }

    @Test
    void onlyTheLastNinetyDaysAreShown() throws Exception {
        fixtures.inbound(contact, null, "velha demais", daysAgo(91));
        long recent = fixtures.inbound(contact, null, "dentro do prazo", daysAgo(89));

        String page = page(get("/conversations/{id}", contact));

        assertThat(ids(page)).containsExactly(recent);
        assertThat(page).doesNotContain("velha demais");
    }

    @Test
    void theTimelinePagesBackwardsByKeyset() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            all.add(fixtures.inbound(contact, null, "mensagem " + i, minutesAgo(500 - i)));
        }

        String newest = page(get("/conversations/{id}", contact));
        assertThat(ids(newest)).containsExactlyElementsOf(all.subList(70, 120));

        String older = page(get(olderUrl(newest)));
        assertThat(ids(older)).containsExactlyElementsOf(all.subList(20, 70));
        String oldest = page(get(olderUrl(older)));
        assertThat(ids(oldest)).containsExactlyElementsOf(all.subList(0, 20));
        assertThat(OLDER.matcher(oldest).find()).isFalse();
    }

    @Test
    void theSearchInsideTheTimelineListsMatchesAndOpensTheTimelineAtOneWithTheWordsMarked() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            all.add(fixtures.inbound(contact, null, i == 5 ? "Quero a promoção <b>de Natal</b>" : "conversa " + i,
                    minutesAgo(500 - i)));
        }
        long target = all.get(5);

        String matches = page(get("/conversations/{id}/matches", contact).param("q", "promocao"));
        assertThat(ids(matches)).containsExactly(target);
        assertThat(matches).contains("<mark>promoção</mark>");

        String opened = page(get("/conversations/{id}", contact).param("at", String.valueOf(target))
                .param("hl", "promocao"));
        assertThat(ids(opened)).contains(target).doesNotContain(all.get(79));
        assertThat(opened).contains("id=\"m" + target + "\"").contains("msg-target")
                .contains("<mark class=\"timeline-match\">promoção</mark> &lt;b&gt;de Natal&lt;/b&gt;").contains("load-newer");

        String none = page(get("/conversations/{id}/matches", contact).param("q", "inexistente"));
        assertThat(none).contains("Nada encontrado nesta conversa");
    }

    @Test
    void anotherNumbersContactIsNotFoundAndWithoutContactsPermissionForbidden() throws Exception {
        long otherNumber = fixtures.quietNumber("Outra " + TestData.unique());
        long foreign = fixtures.contact(otherNumber, "Estranho", TestData.waId(), minutesAgo(1));
        for (String path : List.of("/conversations/{id}", "/conversations/{id}/timeline", "/conversations/{id}/matches",
                "/conversations/{id}/composer")) {
            mvc.perform(get(path, foreign).with(user(fixtures.userOf(agent)))).andExpect(status().isNotFound());
        }
        fixtures.withoutContactsPermission(agent, number);
        mvc.perform(get("/conversations/{id}", contact).with(user(fixtures.userOf(agent))))
                .andExpect(status().isForbidden());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(fixtures.userOf(agent)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static String olderUrl(String page) {
        Matcher matcher = OLDER.matcher(page);
        assertThat(matcher.find()).as("a button for older messages").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static List<Long> ids(String page) {
        return MESSAGE.matcher(page).results().map(match -> Long.valueOf(match.group(1))).toList();
    }
}
