package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.tickets.OutboundMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WhatsApp the test controls: it records every send and answers each message with its script (the last
 * answer repeats), or accepts it; it holds the media files a test gives it. Scripts are per message, so that tests sharing it never take each other's.
 */
class ScriptedGateway implements WhatsAppGateway {

    record Call(String phoneNumberId, OutboundMessage message) {
    }

    private final Map<Long, Deque<SendResult>> scripts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    void script(long messageId, SendResult... answers) {
        scripts.put(messageId, new ArrayDeque<>(List.of(answers)));
    }

    List<Call> callsFor(long messageId) {
        return calls.stream().filter(call -> call.message().id() == messageId).toList();
    }

    private final Map<String, MediaFile> media = new ConcurrentHashMap<>();

    void keepMedia(String mediaId, String contentType, byte[] content) {
        media.put(mediaId, new MediaFile() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public long length() {
                return content.length;
            }

            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                out.write(content);
            }
        });
    }

    @Override
    public Optional<MediaFile> media(String mediaId) {
        return Optional.ofNullable(media.get(mediaId));
    }

    private volatile java.util.function.BooleanSupplier down = () -> false;

    /** While {@code isDown} says so, every send is answered as Meta answers when it is unavailable. */
    void unavailableWhile(java.util.function.BooleanSupplier isDown) {
        down = isDown;
    }

    @Override
    public SendResult send(String phoneNumberId, OutboundMessage message) {
        calls.add(new Call(phoneNumberId, message));
        if (down.getAsBoolean()) {
            return new SendResult.RetryableFailure("HTTP 503: Service temporarily unavailable");
        }
        Deque<SendResult> script = scripts.get(message.id());
        if (script == null) {
            return new Accepted("wamid.test." + message.id());
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    /** Read statuses are taken; what WhatsApp receives of them is ReadReceiptsTest's, against a stub of the API. */
    @Override
    public boolean markRead(String phoneNumberId, String wamid) {
        return true;
    }

    @Override
    public boolean showTyping(String phoneNumberId, String wamid) {
        return true;
    }
}
