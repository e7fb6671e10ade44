package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.numbers.ChannelOptions;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A number's WhatsApp options on the numbers page: the WABA id and the three switches, audited; bad ids refused. */
@IntegrationTest
class NumberChannelOptionsTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired NumberDirectory numbers;

    private UserDetails admin;
    private long numberId;
    private String name;

    @BeforeEach
    void anAdminAndANumber() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        name = "Opções " + TestData.unique();
        numberId = data.number(name);
    }

    @Test
    void theFormShowsTheDefaultsAndSavesEveryOptionWithItsAuditRow() throws Exception {
        String page = mvc.perform(get("/settings/numbers").param("number", String.valueOf(numberId)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"whatsapp\"", "name=\"wabaId\"", "WhatsApp Business");
        assertThat(checked(page, "channel-readReceipts")).isTrue();
        assertThat(checked(page, "channel-typingIndicator")).isTrue();
        assertThat(checked(page, "channel-signMessages")).isFalse();

        mvc.perform(options().param("wabaId", " 102290129340398 ").param("signMessages", "true"))
                .andExpect(status().is3xxRedirection());

        assertThat(numbers.channelOptions(numberId))
                .isEqualTo(new ChannelOptions(numberId, "102290129340398", false, false, true));
        Map<String, Object> audit = jdbc.queryForMap("""
                SELECT old_value::text AS old, new_value ->> 'wabaId' AS waba, new_value ->> 'signMessages' AS sign,
                       new_value ->> 'readReceipts' AS receipts
                  FROM audit_log WHERE action = 'number.channelChanged' AND subject = ?
                """, name);
        assertThat(audit).containsEntry("waba", "102290129340398").containsEntry("sign", "true")
                .containsEntry("receipts", "false");
    }

    @Test
    void aBlankIdClearsIt() throws Exception {
        jdbc.update("UPDATE business_numbers SET waba_id = '123' WHERE id = ?", numberId);

        mvc.perform(options().param("wabaId", "  ").param("readReceipts", "true").param("typingIndicator", "true"))
                .andExpect(status().is3xxRedirection());

        assertThat(numbers.channelOptions(numberId)).isEqualTo(new ChannelOptions(numberId, null, true, true, false));
    }

    @Test
    void anIdWithOtherThanDigitsIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        for (String bad : new String[] {"1022-9012", "WABA 123", "１２３", "12e4"}) {
            String page = mvc.perform(options().param("wabaId", bad).param("signMessages", "true"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(bad).contains("has digits only (0-9), at most 64 of them", "is-invalid");
        }
        assertThat(numbers.channelOptions(numberId)).isEqualTo(new ChannelOptions(numberId, null, true, true, false));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'number.channelChanged' "
                + "AND subject = ?", Long.class, name)).isZero();
    }

    @Test
    void anIdLongerThanSixtyFourDigitsIsRefused() throws Exception {
        String page = mvc.perform(options().param("wabaId", "1".repeat(65)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("At most 64 characters.");
        assertThat(numbers.channelOptions(numberId).wabaId()).isNull();
    }

    @Test
    void onlyAnAdminChangesThem() throws Exception {
        long agent = data.agent(numberId, "ONLINE");
        UserDetails agentUser = users.loadUserByUsername(
                jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, agent));

        mvc.perform(post("/settings/numbers/{id}/whatsapp", numberId).with(user(agentUser)).with(csrf())
                .param("signMessages", "true")).andExpect(status().isForbidden());

        assertThat(numbers.channelOptions(numberId).signMessages()).isFalse();
    }

    private MockHttpServletRequestBuilder options() {
        return post("/settings/numbers/{id}/whatsapp", numberId).with(user(admin)).with(csrf()).param("lang", "en")
                .param("_readReceipts", "on").param("_typingIndicator", "on").param("_signMessages", "on");
    }

    private static boolean checked(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        int start = page.lastIndexOf("<input", at);
        int end = page.indexOf('>', at);
        return page.substring(start, end).contains("checked");
    }
}
