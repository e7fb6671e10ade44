package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contact page: validated edits that change nothing when wrong, notes, and 3 months of tickets. */
@IntegrationTest
class ContactEditTest {

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
    long contact;
    String phone;

    @BeforeEach
    void aContact() {
        fixtures = new ContactFixtures(jdbc, data, users);
        number = data.number("Loja " + TestData.unique());
        agent = fixtures.member(number, true);
        phone = ContactFixtures.mobile();
        contact = fixtures.contact(number, "Maria", phone, null, null, null, TestClock.START);
    }

    @Test
    void aValidEditSavesEveryFieldWithTheExtraFields() throws Exception {
        mvc.perform(edit("Maria Conceição", "(21) 99876-5432", "maria@exemplo.com.br", "Niterói", "123.456.789-09")
                        .param("extraName", "Plano", "Loja", "").param("extraValue", "Ouro", "", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).containsEntry("name", "Maria Conceição").containsEntry("phone_e164", "+5521998765432")
                .containsEntry("phone_digits", "5521998765432").containsEntry("email", "maria@exemplo.com.br")
                .containsEntry("city", "Niterói").containsEntry("document", "12345678909")
                .containsEntry("extra", "{\"Plano\": \"Ouro\"}").containsEntry("wa_id", phone);
    }

    @Test
    void aSingleExtraFieldWhoseValueHasCommasIsKeptWhole() throws Exception {
        mvc.perform(edit("Maria", "+" + phone, "", "", "").param("extraName", "Endereço")
                .param("extraValue", "Rua das Flores, 12, fundos")).andExpect(status().is3xxRedirection());
        assertThat(stored()).containsEntry("extra", "{\"Endereço\": \"Rua das Flores, 12, fundos\"}");
    }

    @Test
    void aWrongFieldShowsItsMessageAndChangesNothing() throws Exception {
        Map<String, Object> before = stored();
        String page = mvc.perform(edit("Maria", "123", "nao-e-email", "Niterói", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Informe um telefone válido").contains("Informe um e-mail válido")
                .contains("value=\"nao-e-email\"");
        assertThat(stored()).isEqualTo(before);

        mvc.perform(edit("x".repeat(121), "+" + phone, "", "", "")).andExpect(status().isUnprocessableContent());
        String extras = mvc.perform(edit("Maria", "+" + phone, "", "", "").param("extraName", "Plano")
                .param("extraValue", "v".repeat(501))).andExpect(status().isUnprocessableContent()).andReturn()
                .getResponse().getContentAsString();
        assertThat(extras).contains("id=\"extras-error\"").contains("Cada campo extra precisa de um nome");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBlankNoteIsRefusedWithItsMessage() throws Exception {
        String page = mvc.perform(post("/contacts/{id}/notes", contact).with(user(agent)).with(csrf())
                        .param("text", "  \n "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("A nota precisa ter de 1 a 5.000 caracteres.").contains("id=\"note-text\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notes WHERE contact_id = ?", Integer.class, contact))
                .isZero();
    }

    @Test
    void aPhoneAnotherContactOfTheNumberHasIsRefused() throws Exception {
        String taken = ContactFixtures.mobile();
        fixtures.contact(number, "Outro", taken, null, null, null, null);
        String page = mvc.perform(edit("Maria", "+" + taken, "", "", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Outro contato deste número já tem esse telefone.");
        assertThat(stored()).containsEntry("phone_digits", phone);
    }

    @Test
    void withoutTheContactsPermissionTheEditIsForbidden() throws Exception {
        UserDetails reader = fixtures.member(number, false);
        mvc.perform(post("/contacts/{id}", contact).with(user(reader)).with(csrf()).param("name", "Outro nome")
                .param("phone", "+" + phone)).andExpect(status().isForbidden());
        assertThat(stored()).containsEntry("name", "Maria");
    }

    @Test
    void withoutTheContactsPermissionThePageAndItsNotesAreForbidden() throws Exception {
        UserDetails reader = fixtures.member(number, false);
        mvc.perform(get("/contacts/{id}", contact).with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(post("/contacts/{id}/notes", contact).with(user(reader)).with(csrf()).param("text", "Nota"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notes WHERE contact_id = ?", Integer.class, contact))
                .isZero();
    }

    @Test
    void thePageShowsOpenTicketsTicketsOfThreeMonthsWithPdfLinksAndNotes() throws Exception {
        long open = data.ticket(number, contact, "WAITING", null);
        long recent = closedTicket(Duration.ofDays(80));
        long old = closedTicket(Duration.ofDays(100));
        mvc.perform(post("/contacts/{id}/notes", contact).with(user(agent)).with(csrf()).param("text", "Prefere <b>manhã</b>"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/contacts/{id}", contact).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/history/" + open + "/pdf").contains("/history/" + recent + "/pdf")
                .doesNotContain("/history/" + old + "/pdf").contains("/conversations/" + contact)
                .contains("Prefere &lt;b&gt;manhã&lt;/b&gt;");
    }

    private long closedTicket(Duration ago) {
        return jdbc.queryForObject("""
                INSERT INTO tickets (number_id, contact_id, ticket_number, status, close_reason, created_at, closed_at)
                VALUES (?, ?, next_ticket_number(?), 'CLOSED', 'LOST', ?, ?) RETURNING id
                """, Long.class, number, contact, number, at(ago), at(ago.minusHours(1)));
    }

    private MockHttpServletRequestBuilder edit(String name, String phone, String email, String city, String document) {
        return post("/contacts/{id}", contact).with(user(agent)).with(csrf()).param("name", name).param("phone", phone)
                .param("email", email).param("city", city).param("document", document);
    }

    private Map<String, Object> stored() {
        return jdbc.queryForMap("""
                SELECT name, wa_id, phone_e164, phone_digits, email, city, document, extra_fields::text AS extra
                  FROM contacts WHERE id = ?
                """, contact);
    }

    static Timestamp at(Duration ago) {
        return Timestamp.from(TestClock.START.minus(ago));
    }
}
