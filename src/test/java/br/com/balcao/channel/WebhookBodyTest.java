package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[WebhookBody.MAX_BYTES];

        assertThat(WebhookBody.read(new ByteArrayInputStream(body), body.length)).hasValue(body);
        assertThat(WebhookBody.read(new ByteArrayInputStream(body), -1)).hasValue(body);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws IOException {
        CountingStream in = new CountingStream();

        assertThat(WebhookBody.read(in, WebhookBody.MAX_BYTES + 1L)).isEmpty();
        assertThat(in.read).isZero();
    }

    @Test
    void anUndeclaredOrUnderstatedLengthStopsOneBytePastTheLimit() throws IOException {
        for (long declared : new long[] {-1, 10}) {
            CountingStream in = new CountingStream();

            assertThat(WebhookBody.read(in, declared)).isEmpty();
            assertThat(in.read).isEqualTo(WebhookBody.MAX_BYTES + 1L);
        }
    }

    /** An endless body that counts what was read of it. */
    private static final class CountingStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            return length;
        }
    }
}
