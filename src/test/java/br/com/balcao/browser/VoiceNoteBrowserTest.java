package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.media.VoiceNote;
import br.com.balcao.media.VoiceNotes;
import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Voice notes on the Desk: recorded with Chromium's fake microphone in the composer, and played in the timeline. */
@BrowserTestApplication
@ActiveProfiles("demo")
class VoiceNoteBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    VoiceNotes voiceNotes;

    private Map<String, Object> anasOpenTicket() {
        Map<String, Object> ticket = jdbc.queryForMap("""
                SELECT t.id, t.number_id, t.contact_id FROM tickets t JOIN app_users u ON u.id = t.agent_id
                 WHERE u.email = 'ana@demo.local' AND t.status = 'OPEN' ORDER BY t.id LIMIT 1
                """);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?", Timestamp.from(clock.instant()),
                ticket.get("contact_id"));
        return ticket;
    }

    private JavascriptExecutor openInTheDesk(Map<String, Object> ticket) {
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket.get("id"));
        browser.waiting().until(d -> d.findElement(By.id("voice-record")));
        return (JavascriptExecutor) driver;
    }

    /** Listens to the composer's attachments as the media upload will, then starts recording with the microphone button. */
    private void startRecording(JavascriptExecutor page) {
        page.executeScript("""
                window.attached = null;
                document.addEventListener('composer:attach', function (event) { window.attached = event.detail; });
                """);
        browser.driver().findElement(By.id("voice-record")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("[data-voice-recording]")).isDisplayed());
    }

    @Test
    void aRecordingInTheComposerIsHandedToTheAttachmentsAsAVoiceNoteThatConvertsToOggOpus() throws IOException {
        JavascriptExecutor page = openInTheDesk(anasOpenTicket());
        startRecording(page);
        browser.waiting().until(d -> "0:02".equals(d.findElement(By.cssSelector("[data-voice-elapsed]")).getText()));
        browser.screenshot("voice-recording");
        browser.driver().findElement(By.cssSelector("[data-voice-stop]")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("[data-voice-preview]")).isDisplayed());
        assertThat(page.executeScript("return document.querySelector('[data-voice-player]').src")).asString()
                .startsWith("blob:");
        browser.screenshot("voice-preview");
        browser.driver().findElement(By.cssSelector("[data-voice-send]")).click();

        browser.waiting().until(d -> page.executeScript("return window.attached !== null").equals(Boolean.TRUE));
        assertThat(page.executeScript("return window.attached.voice")).isEqualTo(true);
        assertThat(page.executeScript("return window.attached.file instanceof File")).isEqualTo(true);
        assertThat(page.executeScript("return window.attached.file.type")).isEqualTo("audio/webm");
        assertThat((Long) page.executeScript("return window.attached.file.size")).isPositive();
        assertThat(browser.driver().findElement(By.id("voice-recorder")).isDisplayed()).isFalse();

        String base64 = (String) page.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var reader = new FileReader();
                reader.onload = function () { done(reader.result.split(',')[1]); };
                reader.readAsDataURL(window.attached.file);
                """);
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        VoiceNote note = voiceNotes.toOggOpus(new ByteArrayInputStream(Base64.getDecoder().decode(base64)),
                "audio/webm", ogg);
        assertThat(note.duration()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
        assertThat(new String(ogg.toByteArray(), 0, 4)).isEqualTo("OggS");
    }

    @Test
    void cancellingDropsTheRecordingAndADeniedMicrophoneIsSaidInWords() {
        JavascriptExecutor page = openInTheDesk(anasOpenTicket());
        startRecording(page);
        browser.driver().findElement(By.cssSelector("[data-voice-cancel]")).click();
        browser.waiting().until(d -> !d.findElement(By.id("voice-recorder")).isDisplayed());
        assertThat(page.executeScript("return window.attached")).isNull();

        page.executeScript("""
                navigator.mediaDevices.getUserMedia = function () {
                    return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
                };
                """);
        browser.driver().findElement(By.id("voice-record")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("[data-voice-error]")).isDisplayed());
        assertThat(browser.textOf(By.cssSelector("[data-voice-error]"))).contains("microfone");
        browser.screenshot("voice-denied");
    }

    @Test
    void anInboundVoiceNotePlaysInTheTimelineWithItsLength() {
        Map<String, Object> ticket = anasOpenTicket();
        Long file = jdbc.queryForObject("""
                INSERT INTO media_files (number_id, storage_key, mime_type, size_bytes, sha256, duration_seconds, created_at)
                VALUES (?, 'voice-browser-test', 'audio/ogg', 9000, repeat('a', 64), 7, ?) RETURNING id
                """, Long.class, ticket.get("number_id"), Timestamp.from(clock.instant()));
        Long message = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, media_id,
                                      media_mime_type, media_file_id, voice, created_at)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'AUDIO', 'wa-voice-1', 'audio/ogg', ?, true, ?) RETURNING id
                """, Long.class, ticket.get("number_id"), ticket.get("contact_id"), ticket.get("id"), file,
                Timestamp.from(clock.instant()));

        openInTheDesk(ticket);

        By bubble = By.cssSelector("#m" + message + " .msg-audio");
        browser.waiting().until(d -> d.findElement(bubble));
        assertThat(browser.driver().findElement(By.cssSelector("#m" + message + " .msg-audio audio")).getAttribute("preload"))
                .isEqualTo("none");
        assertThat(browser.textOf(bubble)).contains("0:07");
        assertThat(browser.driver().findElements(By.cssSelector("#m" + message + " .bi-mic-fill"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#m" + message + " a.msg-media"))).isEmpty();
        browser.screenshot("voice-inbound");
    }
}
