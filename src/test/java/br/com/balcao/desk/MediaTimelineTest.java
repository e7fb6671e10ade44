package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.media.MediaStore;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Media in the timeline of the Desk and of Conversations: a picture as its thumbnail, audio and video as players
 * that load nothing until played, a document as its name and size; and the composer's attachment.
 */
@IntegrationTest
class MediaTimelineTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired MediaStore store;

    @Test
    void eachKindOfMediaIsDrawnAsWhatsAppUsersExpectOnTheDeskAndInConversations() throws Exception {
        long number = data.openNumber("Mídia " + TestData.unique());
        long agent = data.agent(number, "ONLINE");
        long contact = data.contact(number, "Cliente <b>mídia</b>");
        long ticket = data.ticket(number, contact, "OPEN", agent);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(Duration.ofMinutes(5))), contact);
        long picture = inbound(ticket, "IMAGE", "image/jpeg", null, "A peça <script>quebrada</script>", 1);
        long audio = inbound(ticket, "AUDIO", "audio/ogg", null, null, 2);
        long video = inbound(ticket, "VIDEO", "video/mp4", null, null, 3);
        long fileId = store.store(number, new ByteArrayInputStream(new byte[2 * 1024 * 1024 + 300_000]),
                "application/pdf", "orçamento <1>.pdf", null).id();
        long document = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      media_file_id, media_file_name, media_mime_type, status, created_at)
                VALUES (?, ?, ?, 'OUTBOUND', 'AGENT', ?, 'DOCUMENT', ?, 'orçamento <1>.pdf', 'application/pdf',
                        'SENT', ?) RETURNING id
                """, Long.class, number, contact, ticket, agent, fileId,
                Timestamp.from(TestClock.START.minus(Duration.ofMinutes(4))));
        var user = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?",
                String.class, agent));

        String desk = mvc.perform(get("/desk/tickets/{id}", ticket).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String conversation = mvc.perform(get("/conversations/{id}", contact).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String page : new String[] {desk, conversation}) {
            assertThat(page)
                    .contains("<img class=\"msg-thumb\" src=\"/messages/" + picture + "/media\" loading=\"lazy\"")
                    .contains("A peça &lt;script&gt;quebrada&lt;/script&gt;")
                    .contains("<audio controls preload=\"none\" src=\"/messages/" + audio + "/media\"")
                    .contains("<video class=\"msg-player\" controls preload=\"none\" src=\"/messages/" + video + "/media\">")
                    .contains("href=\"/messages/" + document + "/media\"")
                    .contains("<span>orçamento &lt;1&gt;.pdf</span>")
                    .contains("<small class=\"msg-media-size\">2.3 MB</small>")
                    .contains("id=\"media-attach\"")
                    .contains("data-url=\"/desk/tickets/" + ticket + "/media\"")
                    .contains("/js/media-composer");
        }
    }

    private long inbound(long ticket, String type, String mimeType, String fileName, String caption, int minutes) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, media_id,
                                      media_mime_type, media_file_name, media_caption, wamid, created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, ?, ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, type, "media-" + TestData.unique(), mimeType, fileName, caption,
                "wamid.timeline." + TestData.unique(), Timestamp.from(TestClock.START.minus(Duration.ofMinutes(10 - minutes))),
                ticket);
    }
}
