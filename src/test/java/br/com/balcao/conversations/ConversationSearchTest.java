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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The global search by name and phone: accents, partial names, phone formats, who sees what, order, states. */
@IntegrationTest
class ConversationSearchTest {

    private static final Pattern HIT = Pattern.compile("data-contact-id=\"(\\d+)\"");
    private static final Pattern STATE = Pattern.compile("data-state=\"([A-Z_]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationFixtures fixtures;

    @Autowired
    TestClock clock;

    long number;
    long agent;

    @BeforeEach
    void aNumberWithAnAgent() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Loja " + TestData.unique());
        agent = fixtures.agent("Ana Agente", number);
    }

    @Test
    void aNameIsFoundWithoutAccentsInAnyCaseAndByAnyPartOfIt() throws Exception {
        long joao = fixtures.contact(number, "João Pereira", TestData.waId(), minutesAgo(10));
        fixtures.contact(number, "Maria Souza", TestData.waId(), minutesAgo(5));

        for (String typed : List.of("joao", "JOÃO", "João Pe", "pere", "PEREIRA", "ão pereira")) {
            assertThat(hits(search(typed, agent))).as(typed).containsExactly(joao);
        }
    }

    @Test
    void aPhoneIsFoundByAnyRunOfItsDigitsTypedWithOrWithoutFormatting() throws Exception {
        long contact = fixtures.contact(number, "Cliente", "5511998871234", minutesAgo(10));
        fixtures.contact(number, "Outro", "5521912345678", minutesAgo(5));

        for (String typed : List.of("9988", "(11) 99887", "+55 11 99887-1234", "5511998871234", "871234")) {
            assertThat(hits(search(typed, agent))).as(typed).containsExactly(contact);
        }
    }

    @Test
    void theBestMatchComesFirstThenTheMostRecentInteraction() throws Exception {
        long mariana = fixtures.contact(number, "Mariana Lopes", TestData.waId(), minutesAgo(1));
        long anaOld = fixtures.contact(number, "Ana Beatriz", TestData.waId(), daysAgo(20));
        long anaRecent = fixtures.contact(number, "Ána Clara", TestData.waId(), minutesAgo(30));
        long silvana = fixtures.contact(number, "Paula Ana Dias", TestData.waId(), minutesAgo(2));

        assertThat(hits(search("ana", agent))).containsExactly(anaRecent, anaOld, silvana, mariana);
    }

    @Test
    void anAgentOfNumberTwoNeverSeesNumberOne() throws Exception {
        long numberTwo = fixtures.quietNumber("Filial " + TestData.unique());
        long agentOfTwo = fixtures.agent("Bruno", numberTwo);
        fixtures.contact(number, "Zuleica Primeira", "5511900001111", minutesAgo(1));
        long onTwo = fixtures.contact(numberTwo, "Zuleica Segunda", "5511900002222", minutesAgo(2));

        assertThat(hits(search("zuleica", agentOfTwo))).containsExactly(onTwo);
        assertThat(hits(search("55119000", agentOfTwo))).containsExactly(onTwo);
        assertThat(search("zuleica", agentOfTwo)).doesNotContain("Primeira");
    }

    @Test
    void anAgentSearchesOnlyTheNumbersWhereTheyHaveTheContactsPermission() throws Exception {
        long other = fixtures.quietNumber("Outra " + TestData.unique());
        fixtures.withoutContactsPermission(agent, number);
        fixtures.contact(number, "Teodoro Sem Acesso", TestData.waId(), minutesAgo(1));

        String page = search("teodoro", agent);

        assertThat(hits(page)).isEmpty();
        assertThat(page).contains("Você não tem a permissão Contatos em nenhum número");
        long withAccess = fixtures.agent("Com acesso", number, other);
        assertThat(hits(search("teodoro", withAccess))).hasSize(1);
    }

    @Test
    void aManagerSearchesTheNumbersTheyManage() throws Exception {
        long manager = fixtures.manager(number);
        fixtures.withoutContactsPermission(manager, number);
        long contact = fixtures.contact(number, "Gerusa Gerente", TestData.waId(), minutesAgo(1));

        assertThat(hits(search("gerusa", manager))).containsExactly(contact);
    }

    @Test
    void eachResultSaysWhereTheConversationStands() throws Exception {
        long other = fixtures.agent("Carla Colega", number);
        long mine = fixtures.contact(number, "Estado Meu", TestData.waId(), minutesAgo(1));
        fixtures.ticket(number, mine, "OPEN", agent);
        long theirs = fixtures.contact(number, "Estado Dela", TestData.waId(), minutesAgo(2));
        fixtures.ticket(number, theirs, "ASSIGNED", other);
        long queued = fixtures.contact(number, "Estado Fila", TestData.waId(), minutesAgo(3));
        fixtures.ticket(number, queued, "WAITING", null);
        long recent = fixtures.contact(number, "Estado Recente", TestData.waId(), minutesAgo(4));
        fixtures.inbound(recent, null, "oi", minutesAgo(60));
        long expired = fixtures.contact(number, "Estado Antigo", TestData.waId(), minutesAgo(5));
        fixtures.inbound(expired, null, "oi", daysAgo(2));

        String page = search("estado", agent);

        assertThat(hits(page)).containsExactly(mine, theirs, queued, recent, expired);
        assertThat(STATE.matcher(page).results().map(m -> m.group(1)).toList())
                .containsExactly("BY_ME", "BY_OTHER", "IN_QUEUE", "NOT_IN_SERVICE", "WINDOW_EXPIRED");
        assertThat(page).contains("Em atendimento por Carla Colega");
    }

    @Test
    void aContactWithoutANameShowsNoName() throws Exception {
        fixtures.contact(number, null, "5511977776666", minutesAgo(1));

        assertThat(search("77776666", agent)).contains("(Sem nome)").contains("+55 11 97777-6666");
    }

    @Test
    void anEmptyResultExplainsTheUsualReasonsAndAShortQueryAsksForMore() throws Exception {
        String empty = search("xyzwq", agent);
        assertThat(hits(empty)).isEmpty();
        assertThat(empty).contains("Nenhum resultado para “xyzwq”").contains("Motivos comuns")
                .contains("perfil do WhatsApp");

        assertThat(search("jo", agent)).contains("Digite pelo menos 3 letras ou 3 dígitos");
        assertThat(search("12", agent)).contains("Digite pelo menos 3 letras ou 3 dígitos");
    }

    @Test
    void resultsArePagedAndTypingAsksOnlyForTheResults() throws Exception {
        for (int i = 0; i < ContactSearch.PAGE_SIZE + 3; i++) {
            fixtures.contact(number, "Paginado " + i, TestData.waId(), minutesAgo(i + 1));
        }
        String first = search("paginado", agent);
        assertThat(hits(first)).hasSize(ContactSearch.PAGE_SIZE);
        assertThat(first).contains("search-next");

        String second = page(get("/conversations").param("q", "paginado").param("page", "1")
                .header("HX-Request", "true"), agent);
        assertThat(hits(second)).hasSize(3).doesNotContainAnyElementsOf(hits(first));
        assertThat(second).doesNotContain("<html").contains("search-results");

        assertThat(hits(page(get("/conversations").param("q", "paginado").param("page", "-7"), agent)))
                .isEqualTo(hits(first));
        assertThat(hits(page(get("/conversations").param("q", "paginado").param("page", "abc"), agent)))
                .isEqualTo(hits(first));
    }

    @Test
    void aPageFollowsOnFromOneTierOfMatchToTheNext() throws Exception {
        List<Long> starting = new java.util.ArrayList<>();
        List<Long> laterWord = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            starting.add(fixtures.contact(number, "Tiago Camargo " + i, TestData.waId(), minutesAgo(100 + i)));
            laterWord.add(fixtures.contact(number, "Paulo Tiago " + i, TestData.waId(), minutesAgo(i + 1)));
        }

        List<Long> first = hits(search("tiago", agent));
        List<Long> second = hits(page(get("/conversations").param("q", "tiago").param("page", "1")
                .header("HX-Request", "true"), agent));

        assertThat(first).hasSize(ContactSearch.PAGE_SIZE).startsWith(starting.toArray(Long[]::new))
                .endsWith(laterWord.subList(0, 5).toArray(Long[]::new));
        assertThat(second).containsExactlyElementsOf(laterWord.subList(5, 15));
    }

    @Test
    void likeWildcardsAreSearchedAsText() throws Exception {
        fixtures.contact(number, "Loja 1000 Feliz", TestData.waId(), minutesAgo(1));
        long percent = fixtures.contact(number, "Loja 100% Feliz", TestData.waId(), minutesAgo(2));
        fixtures.contact(number, "Casa AxB", TestData.waId(), minutesAgo(3));
        long underscore = fixtures.contact(number, "Casa A_B", TestData.waId(), minutesAgo(4));

        assertThat(hits(search("ja 100%", agent))).containsExactly(percent);
        assertThat(hits(search("a_b", agent))).containsExactly(underscore);
    }

    private String search(String typed, long userId) throws Exception {
        return page(get("/conversations").param("q", typed), userId);
    }

    private String page(MockHttpServletRequestBuilder request, long userId) throws Exception {
        UserDetails user = fixtures.userOf(userId);
        return mvc.perform(request.with(user(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<Long> hits(String page) {
        return HIT.matcher(page).results().map(match -> Long.valueOf(match.group(1))).toList();
    }
}
