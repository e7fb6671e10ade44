package br.com.balcao.bench;

import br.com.balcao.bench.Envelopes.Envelope;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The load on the app: each client posts signed envelopes of one text message to the webhook, one after
 * the other, and now and then re-posts an envelope some client already had answered 200 (Meta's
 * redelivery), which must store nothing new.
 */
final class WebhookLoad {

    private static final int REPLAY_RING = 4096;

    private final LoopbackHttp http;
    private final String phoneNumberId;
    private final String secret;
    private final String wamidPrefix;
    private final Customers customers;
    private final double replayFraction;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReferenceArray<Envelope> answered = new AtomicReferenceArray<>(REPLAY_RING);
    private final AtomicLong answeredCount = new AtomicLong();
    private final java.util.Queue<String> failedWamids = new java.util.concurrent.ConcurrentLinkedQueue<>();

    WebhookLoad(Options options, String secret, Customers customers) {
        this.http = new LoopbackHttp(URI.create(options.url));
        this.phoneNumberId = options.phoneNumberId;
        this.secret = secret;
        this.wamidPrefix = wamidPrefix(options.run);
        this.customers = customers;
        this.replayFraction = options.replayFraction;
    }

    /** Every wamid of the run starts with this; the measured period's continue with "m", the warm-up's with "w". */
    static String wamidPrefix(String run) {
        return "wamid.bench." + run + ".";
    }

    Phase.Client client() {
        Envelopes envelopes = new Envelopes(phoneNumberId, secret);
        return measured -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long sent = Math.min(answeredCount.get(), REPLAY_RING);
            Envelope envelope = sent > 0 && random.nextDouble() < replayFraction
                    ? answered.get((int) random.nextLong(sent))
                    : null;
            boolean replay = envelope != null;
            if (!replay) {
                long n = sequence.getAndIncrement();
                int customer = customers.next();
                envelope = envelopes.text(wamidPrefix + (measured ? "m" : "w") + n, customers.waId(customer),
                        Customers.profileName(customer), "Olá, preciso de ajuda com o pedido " + n,
                        System.currentTimeMillis() / 1000);
            }
            String error;
            try {
                int status = post(envelope.body(), envelope.signature());
                error = status == 200 ? null : "HTTP " + status + " for " + envelope.wamid();
            } catch (IOException e) {
                error = e + " for " + envelope.wamid();
            }
            if (error != null) {
                if (!replay) {
                    failedWamids.add(envelope.wamid());
                }
                return new Phase.Sent(replay, error);
            }
            if (!replay) {
                answered.set((int) (answeredCount.getAndIncrement() % REPLAY_RING), envelope);
            }
            return new Phase.Sent(replay, null);
        };
    }

    /** New messages answered with anything but 200 (Meta would deliver them again; the check leaves them out). */
    java.util.List<String> failedWamids() {
        return java.util.List.copyOf(failedWamids);
    }

    int post(byte[] body, String signature) throws IOException {
        return http.post(body, "Content-Type: application/json", "X-Hub-Signature-256: " + signature);
    }

    /**
     * Which secret the app verifies with: an envelope for a phone_number_id that is no number of the app is
     * answered 200 and stores nothing when its signature is right, 401 when not.
     */
    static String secretInForce(Options options) throws IOException, InterruptedException {
        for (String candidate : options.secrets) {
            Options probe = new Options();
            probe.url = options.url;
            probe.phoneNumberId = "999999999999999";
            WebhookLoad load = new WebhookLoad(probe, candidate, new Customers(1, 0, "probe"));
            Envelope envelope = new Envelopes(probe.phoneNumberId, candidate)
                    .text("wamid.bench.probe", "5521980000000", "Sonda", "probe", System.currentTimeMillis() / 1000);
            int status = load.post(envelope.body(), envelope.signature());
            if (status == 200) {
                return candidate;
            }
            if (status != 401) {
                throw new IllegalStateException("The webhook answered " + status + " to a signature probe");
            }
        }
        throw new IllegalStateException("The app accepts none of the secrets " + options.secrets);
    }

    /** Posts one new message from this customer and waits for the answer; microseconds taken. */
    long postOne(Envelopes envelopes, String wamid, int customer) throws IOException, InterruptedException {
        Envelope envelope = envelopes.text(wamid, customers.waId(customer), Customers.profileName(customer),
                "Mensagem de perfil", System.currentTimeMillis() / 1000);
        long start = System.nanoTime();
        int status = post(envelope.body(), envelope.signature());
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + " for " + wamid);
        }
        return (System.nanoTime() - start) / 1_000;
    }
}
