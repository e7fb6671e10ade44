package br.com.balcao.channel;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A message's media file, fetched from WhatsApp on demand, for the users of its number only. */
@IntegrationTest
@Import(MediaControllerTest.Gateway.class)
class MediaControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Gateway {
        @Bean
        @Primary
        ScriptedGateway mediaGateway() {
            return new ScriptedGateway();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ScriptedGateway gateway;
    @Autowired UserDetailsService users;

    @Test
    void aPictureOpensInTheBrowserSandboxedForAUserOfTheNumber() throws Exception {
        long number = data.openNumber("Mídia " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        String mediaId = "media-" + TestData.unique();
        gateway.keepMedia(mediaId, "image/jpeg", "JPEG!".getBytes(StandardCharsets.UTF_8));
        long message = mediaMessage(number, mediaId, "IMAGE", "foto da nota.jpg");

        mvc.perform(get("/messages/{id}/media", message).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes("JPEG!".getBytes(StandardCharsets.UTF_8)))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Content-Disposition", containsString("foto%20da%20nota.jpg")))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
    }

    @Test
    void aFileThatCouldRunInTheBrowserIsOnlyDownloaded() throws Exception {
        long number = data.openNumber("Mídia " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        String mediaId = "media-" + TestData.unique();
        gateway.keepMedia(mediaId, "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        long message = mediaMessage(number, mediaId, "DOCUMENT", "pagina.html");

        mvc.perform(get("/messages/{id}/media", message).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/octet-stream"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
    }

    @Test
    void anotherNumbersMediaIsNotFoundAndWhatsAppIsNotAsked() throws Exception {
        long number = data.openNumber("Mídia " + TestData.unique());
        long outsider = data.agent(data.openNumber("Outra " + TestData.unique()), "OFFLINE");
        String mediaId = "media-" + TestData.unique();
        gateway.keepMedia(mediaId, "image/jpeg", new byte[] {1});
        long message = mediaMessage(number, mediaId, "IMAGE", null);

        mvc.perform(get("/messages/{id}/media", message).with(user(userOf(outsider))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/messages/{id}/media", Long.MAX_VALUE).with(user(userOf(outsider))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFileWhatsAppNoLongerHasSaysSoInPlainWords() throws Exception {
        long number = data.openNumber("Mídia " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        long message = mediaMessage(number, "expired-" + TestData.unique(), "DOCUMENT", "boleto.pdf");

        mvc.perform(get("/messages/{id}/media", message).with(user(userOf(agent))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Arquivo indisponível")));
    }

    private long mediaMessage(long number, String mediaId, String type, String fileName) {
        long contact = data.contact(number, "Cliente");
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, media_id, media_file_name,
                                      media_mime_type, wamid, created_at)
                VALUES (?, ?, 'INBOUND', 'CUSTOMER', ?, ?, ?, 'application/octet-stream', ?, ?) RETURNING id
                """, Long.class, number, contact, type, mediaId, fileName, "wamid.media." + TestData.unique(),
                Timestamp.from(TestClock.START));
    }

    private org.springframework.security.core.userdetails.UserDetails userOf(long userId) {
        String email = jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
        return users.loadUserByUsername(email);
    }
}
