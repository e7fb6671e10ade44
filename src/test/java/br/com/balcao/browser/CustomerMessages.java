package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.WebhookSignature;
import br.com.balcao.support.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** A customer writing to a number through the signed webhook, as Meta delivers it, on the demo's app secret. */
record CustomerMessages(int port, TestClock clock) {

    void write(String phoneNumberId, String waId, String text) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Cliente"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.browser.%d","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}
                """.formatted(phoneNumberId, waId, waId, System.nanoTime(), clock.instant().getEpochSecond(), text);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                            .uri(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                            .header("Content-Type", "application/json")
                            .header(WebhookSignature.HEADER, new WebhookSignature("demo-app-secret").sign(bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException("The webhook did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the customer wrote", e);
        }
    }

    /** Writes on the ticket's conversation: to its number, from its contact. */
    void writeOn(JdbcTemplate jdbc, long ticketId, String text) {
        Map<String, Object> ticket = jdbc.queryForMap("""
                SELECT c.wa_id, n.phone_number_id FROM tickets t
                  JOIN contacts c ON c.id = t.contact_id JOIN business_numbers n ON n.id = t.number_id
                 WHERE t.id = ?
                """, ticketId);
        write((String) ticket.get("phone_number_id"), (String) ticket.get("wa_id"), text);
    }
}
