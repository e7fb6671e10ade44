package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The contacts list of the selected number: each filter alone, combined, kept in links; keyset pages. */
@IntegrationTest
class ContactListTest {

    private static final Pattern ROW = Pattern.compile("data-contact-id=\"(\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("id=\"contacts-next\"\\s+href=\"([^\"]+)\"");
    private static final Instant NOW = TestClock.START;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    ContactFixtures fixtures;
    long number;
    UserDetails agent;
    long joao;
    long maria;
    long pedro;
    long neverTalked;
    String joaoPhone;

    @BeforeEach
    void aNumberWithContacts() {
        fixtures = new ContactFixtures(jdbc, data, users);
        number = data.number("Loja " + TestData.unique());
        agent = fixtures.member(number, true);
        joaoPhone = ContactFixtures.mobile();
        joao = fixtures.contact(number, "João Conceição", joaoPhone, "joao@exemplo.com.br", "São Paulo",
                "12345678909", NOW.minus(Duration.ofDays(1)));
        maria = fixtures.contact(number, "Maria da Silva", ContactFixtures.mobile(), "maria@loja.com", "Recife",
                "98765432100", NOW.minus(Duration.ofDays(10)));
        pedro = fixtures.contact(number, "Pedro Álvares", ContactFixtures.mobile(), "pedro@exemplo.com.br",
                "São Paulo", null, NOW.minus(Duration.ofDays(40)));
        neverTalked = fixtures.contact(number, "Ana Sem Conversa", ContactFixtures.mobile(), null, null, null, null);
        long other = data.number("Outra " + TestData.unique());
        fixtures.contact(other, "João de Outro Número", ContactFixtures.mobile(), "joao@exemplo.com.br", "São Paulo",
                null, NOW);
    }

    @Test
    void withoutFiltersTheNumbersContactsComeMostRecentInteractionFirstAndNeverTalkedLast() throws Exception {
        assertThat(ids(list(""))).containsExactly(joao, maria, pedro, neverTalked);
    }

    @Test
    void eachFilterAloneNarrowsTheList() throws Exception {
        assertThat(ids(list("?name=joao%20conceicao"))).containsExactly(joao);
        assertThat(ids(list("?email=EXEMPLO.com"))).containsExactly(joao, pedro);
        assertThat(ids(list("?phone=" + joaoPhone.substring(joaoPhone.length() - 6)))).containsExactly(joao);
        assertThat(ids(list("?city=sao%20paulo"))).containsExactly(joao, pedro);
        assertThat(ids(list("?document=987.654"))).containsExactly(maria);
        assertThat(ids(list("?id=" + maria))).containsExactly(maria);
        assertThat(ids(list("?from=2026-11-01&to=2026-11-15"))).containsExactly(joao, maria);
        assertThat(ids(list("?from=2026-09-01&to=2026-09-30"))).isEmpty();
    }

    @Test
    void filtersCombineAndStayInTheExportLink() throws Exception {
        String page = list("?city=s%C3%A3o&email=exemplo&from=2026-11-01");
        assertThat(ids(page)).containsExactly(joao);
        assertThat(page).contains("href=\"/contacts/export?from=2026-11-01&amp;email=exemplo&amp;city=s%C3%A3o\"");
    }

    @Test
    void aBadFilterSaysWhyAndListsNothing() throws Exception {
        String page = list("?from=amanha&phone=abc");
        assertThat(ids(page)).isEmpty();
        assertThat(page).contains("id=\"filter-errors\"").contains("Informe a data como dd/mm/aaaa.")
                .contains("Para filtrar por telefone, digite ao menos um número.");
        assertThat(list("?from=2026-11-02&to=2026-11-01"))
                .contains("A data final do período vem antes da inicial.");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() throws Exception {
        for (int i = 0; i < 110; i++) {
            fixtures.contact(number, "Cliente " + i, ContactFixtures.mobile(), null, "Natal", null,
                    i % 3 == 0 ? null : NOW.minus(Duration.ofMinutes(i % 7)));
        }
        String first = list("?city=natal");
        List<Long> seen = new java.util.ArrayList<>(ids(first));
        String next = nextLink(first);
        while (next != null) {
            String page = mvc.perform(get(URI.create(next.replace("&amp;", "&"))).with(user(agent)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            seen.addAll(ids(page));
            next = nextLink(page);
        }
        List<Long> expected = jdbc.queryForList("""
                SELECT id FROM contacts WHERE number_id = ? AND city = 'Natal'
                 ORDER BY last_interaction_at DESC NULLS LAST, id DESC
                """, Long.class, number);
        assertThat(seen).hasSize(110).containsExactlyElementsOf(expected);
    }

    @Test
    void withoutTheContactsPermissionTheListIsForbiddenAndLeftOutOfTheMenu() throws Exception {
        UserDetails withoutContacts = fixtures.member(number, false);
        mvc.perform(get("/contacts").with(user(withoutContacts))).andExpect(status().isForbidden());
        mvc.perform(get("/contacts/export").with(user(withoutContacts))).andExpect(status().isForbidden());

        String home = mvc.perform(get("/").with(user(withoutContacts))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain("href=\"/contacts\"").doesNotContain("href=\"/after-hours\"")
                .contains("href=\"/desk\"");
        assertThat(mvc.perform(get("/").with(user(agent))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/contacts\"").contains("href=\"/after-hours\"");
    }

    @Test
    void anotherNumbersContactPageIsNotFound() throws Exception {
        long other = data.number("Terceira " + TestData.unique());
        long foreign = fixtures.contact(other, "Fulano", ContactFixtures.mobile(), null, null, null, null);
        mvc.perform(get("/contacts/{id}", foreign).with(user(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/contacts/{id}", joao).with(user(agent))).andExpect(status().isOk());
    }

    @Test
    void htmxFiltersInPlaceWithTheContentAloneAndGetsTheWholePageWhenRestoringItsHistory() throws Exception {
        var fragment = mvc.perform(get(URI.create("/contacts?city=recife")).header("HX-Request", "true")
                        .with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(fragment.getHeaders("Vary")).contains("HX-Request");
        String content = fragment.getContentAsString();
        assertThat(content).startsWith("<div class=\"container-fluid py-3 px-3 px-md-4\" id=\"contacts-page\"")
                .doesNotContain("<html").doesNotContain("number-selector").contains("id=\"contacts-filter\"");
        assertThat(ids(content)).containsExactly(maria);

        String restored = mvc.perform(get(URI.create("/contacts?city=recife")).header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true").with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(restored).contains("<html").contains("number-selector");
        assertThat(ids(restored)).containsExactly(maria);
    }

    private String list(String query) throws Exception {
        return mvc.perform(get(URI.create("/contacts" + query)).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> ids(String page) {
        return ROW.matcher(page).results().map(match -> Long.valueOf(match.group(1))).toList();
    }

    private static String nextLink(String page) {
        Matcher matcher = NEXT.matcher(page);
        return matcher.find() ? matcher.group(1) : null;
    }
}
