package br.com.balcao.bench;

import br.com.balcao.bench.Envelopes.Envelope;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The load on the app: each client posts signed envelopes of one message to the webhook, one after the other:
 * mostly texts, a share of media messages (photo, document, voice note, in turn) and a share of reactions to a
 * message answered earlier, from that message's customer. Now and then it re-posts an envelope some client
 * already had answered 200 (Meta's redelivery), which must store nothing new. Reactions have wamids of their own
 * prefix ({@link #reactionPrefix}): they are no messages of the exactly-once check.
 */
final class WebhookLoad {

    private static final int REPLAY_RING = 4096;

    private final LoopbackHttp http;
    private final String phoneNumberId;
    private final String secret;
    private final String wamidPrefix;
    private final String run;
    private final Customers customers;
    private final double replayFraction;
    private final double mediaFraction;
    private final double reactionFraction;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong mediaSent = new AtomicLong();
    private final AtomicLong reactionsSent = new AtomicLong();
    private final AtomicLong reactionsRefused = new AtomicLong();
    private final AtomicReferenceArray<Answered> answered = new AtomicReferenceArray<>(REPLAY_RING);
    private final AtomicLong answeredCount = new AtomicLong();
    private final java.util.Queue<String> failedWamids = new java.util.concurrent.ConcurrentLinkedQueue<>();

    WebhookLoad(Options options, String secret, Customers customers) {
        this.http = new LoopbackHttp(URI.create(options.url));
        this.run = options.run;
        this.phoneNumberId = options.phoneNumberId;
        this.secret = secret;
        this.wamidPrefix = wamidPrefix(options.run);
        this.customers = customers;
        this.replayFraction = options.replayFraction;
        this.mediaFraction = options.mediaFraction;
        this.reactionFraction = options.reactionFraction;
    }

    /** A message some client had answered 200, and who sent it. */
    private record Answered(Envelope envelope, int customer) {
    }

    private static final String[] EMOJI = {"👍", "❤️", "😂", "🙏", ""};

    /** Every wamid of the run starts with this; the measured period's continue with "m", the warm-up's with "w". */
    static String wamidPrefix(String run) {
        return "wamid.bench." + run + ".";
    }

    /** The wamids of the run's reactions (not messages: a reaction is kept on the message it reacts to). */
    static String reactionPrefix(String run) {
        return "wamid.benchreaction." + run + ".";
    }

    Phase.Client client() {
        Envelopes envelopes = new Envelopes(phoneNumberId, secret);
        String reactionPrefix = reactionPrefix(run);
        return measured -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long sent = Math.min(answeredCount.get(), REPLAY_RING);
            double draw = random.nextDouble();
            Answered earlier = sent > 0 ? answered.get((int) random.nextLong(sent)) : null;
            if (earlier != null && draw < replayFraction) {
                return post(earlier.envelope(), true, false);
            }
            long n = sequence.getAndIncrement();
            long epochSeconds = System.currentTimeMillis() / 1000;
            if (earlier != null && draw < replayFraction + reactionFraction) {
                reactionsSent.incrementAndGet();
                Envelope reaction = envelopes.reaction(reactionPrefix + (measured ? "m" : "w") + n,
                        customers.waId(earlier.customer()), Customers.profileName(earlier.customer()),
                        earlier.envelope().wamid(), EMOJI[(int) (n % EMOJI.length)], epochSeconds);
                return post(reaction, false, true);
            }
            int customer = customers.next();
            String wamid = wamidPrefix + (measured ? "m" : "w") + n;
            Envelope envelope;
            if (draw < replayFraction + reactionFraction + mediaFraction) {
                mediaSent.incrementAndGet();
                envelope = envelopes.media(wamid, customers.waId(customer), Customers.profileName(customer),
                        Envelopes.Media.values()[(int) (n % Envelopes.Media.values().length)],
                        Long.toString(9_000_000_000_000_000L + n), epochSeconds);
            } else {
                envelope = envelopes.text(wamid, customers.waId(customer), Customers.profileName(customer),
                        "Olá, preciso de ajuda com o pedido " + n, epochSeconds);
            }
            Phase.Sent outcome = post(envelope, false, false);
            if (outcome.error() == null) {
                answered.set((int) (answeredCount.getAndIncrement() % REPLAY_RING), new Answered(envelope, customer));
            }
            return outcome;
        };
    }

    /** Posts the envelope; a new message answered otherwise than 200 is noted (Meta would deliver it again). */
    private Phase.Sent post(Envelope envelope, boolean replay, boolean reaction) {
        String error;
        try {
            int status = post(envelope.body(), envelope.signature());
            error = status == 200 ? null : "HTTP " + status + " for " + envelope.wamid();
        } catch (IOException e) {
            error = e + " for " + envelope.wamid();
        }
        if (error != null && reaction) {
            reactionsRefused.incrementAndGet();
        } else if (error != null && !replay) {
            failedWamids.add(envelope.wamid());
        }
        return new Phase.Sent(replay, error);
    }

    /** Media messages sent (photos, documents and voice notes, each naming a media id WhatsApp never had). */
    long mediaSent() {
        return mediaSent.get();
    }

    /** Reactions sent, all answered or not; they count among the phase's new requests, not among its messages. */
    long reactionsSent() {
        return reactionsSent.get();
    }

    long reactionsRefused() {
        return reactionsRefused.get();
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
