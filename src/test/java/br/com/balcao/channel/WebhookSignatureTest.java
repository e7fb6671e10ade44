package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature("app-secret");

    @Test
    void signsAsMetaDoes() {
        assertThat(signature.sign(BODY)).isEqualTo(signature("app-secret", BODY));
        assertThat(signature.verify(BODY, signature("app-secret", BODY))).isTrue();
    }

    @Test
    void requestsAtOnceEachGetTheirOwnSignature() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                checks.add(threads.submit(() -> signature.verify(body, signature("app-secret", body))
                        && !signature.verify(body, signature("app-secret", BODY))));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void hexDigitsMayBeUpperCase() {
        String hex = signature("app-secret", BODY).substring("sha256=".length());
        assertThat(signature.verify(BODY, "sha256=" + hex.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        String valid = signature("app-secret", BODY);
        String hex = valid.substring("sha256=".length());

        assertThat(signature.verify(BODY, null)).isFalse();
        assertThat(signature.verify(BODY, "")).isFalse();
        assertThat(signature.verify(BODY, hex)).isFalse();
        assertThat(signature.verify(BODY, "sha1=" + hex)).isFalse();
        assertThat(signature.verify(BODY, "SHA256=" + hex)).isFalse();
        assertThat(signature.verify(BODY, " " + valid)).isFalse();
        assertThat(signature.verify(BODY, valid + "00")).isFalse();
        assertThat(signature.verify(BODY, valid.substring(0, valid.length() - 2))).isFalse();
        assertThat(signature.verify(BODY, "sha256=" + "g".repeat(64))).isFalse();
        assertThat(signature.verify(BODY, signature("other-secret", BODY))).isFalse();
        assertThat(signature.verify("{}".getBytes(StandardCharsets.UTF_8), valid)).isFalse();
    }

    @Test
    void withoutASecretNothingVerifiesAndNothingIsSigned() {
        for (String secret : new String[] {null, "", "  "}) {
            WebhookSignature unconfigured = new WebhookSignature(secret);
            assertThat(unconfigured.verify(BODY, WebhookFixtures.signatureWithEmptyKey(BODY))).isFalse();
            assertThat(unconfigured.verify(BODY, signature("  ", BODY))).isFalse();
            assertThatThrownBy(() -> unconfigured.sign(BODY)).isInstanceOf(IllegalStateException.class);
        }
    }
}
