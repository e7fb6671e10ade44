package br.com.balcao.shared.instance;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first thing a shutdown does (SIGTERM included): readiness answers DOWN, and the instance goes on serving
 * for {@code balcao.shutdown.drain-delay} so that a load balancer checking readiness takes it out of rotation
 * before it stops taking requests. Then the context goes on closing: the live streams end (browsers reconnect
 * to another instance), the web server stops accepting and finishes the requests it started
 * ({@code server.shutdown=graceful}). Runs ahead of the other listeners of the close (they have no order).
 * Without a web server of its own (tests through MockMvc) there is nothing to drain.
 */
@Component
record ShutdownDrain(@Value("${balcao.shutdown.drain-delay:5s}") Duration drainDelay, ApplicationContext context) {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void drain(ContextClosedEvent event) {
        if (event.getApplicationContext() != context || !(context instanceof WebServerApplicationContext web)
                || web.getWebServer() == null || drainDelay.isZero() || drainDelay.isNegative()) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness is DOWN, still serving for {} while load balancers notice", drainDelay);
        try {
            Thread.sleep(drainDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Drained: no longer taking new requests, finishing those in flight");
    }
}
