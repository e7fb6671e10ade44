package br.com.balcao.live;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The live events this instance hears, for pages that stream them to browsers. */
@Service
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Set<Consumer<LiveEvent>> subscribers = new CopyOnWriteArraySet<>();

    /** Subscribes; close the returned handle when the browser goes away. */
    public AutoCloseable subscribe(Consumer<LiveEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void deliver(LiveEvent event) {
        for (Consumer<LiveEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.debug("A live subscriber failed; it is dropped", e);
                subscribers.remove(subscriber);
            }
        }
    }
}
