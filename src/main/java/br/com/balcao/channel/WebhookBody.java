package br.com.balcao.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a webhook body up to the size limit, so that an oversized one costs neither memory nor parsing. */
final class WebhookBody {

    static final int MAX_BYTES = 1024 * 1024;

    private WebhookBody() {
    }

    /**
     * The body, or empty when it is over the limit. A declared length over the limit is refused unread;
     * otherwise (chunked, or a wrong declared length) reading stops one byte past the limit.
     */
    static Optional<byte[]> read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BYTES) {
            return Optional.empty();
        }
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        return body.length > MAX_BYTES ? Optional.empty() : Optional.of(body);
    }
}
