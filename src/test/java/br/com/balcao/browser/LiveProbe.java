package br.com.balcao.browser;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Tells when a page's server-sent events are connected, so that a test acts only once the page can hear it:
 * every {@code EventSource} the page opens counts the app's "ready" event into {@code window.liveReady}.
 * The wrapper is installed through the DevTools protocol, ahead of the page's own scripts (and outside its CSP).
 */
final class LiveProbe {

    private static final String WRAPPER = """
            (function () {
                var Native = window.EventSource;
                if (!Native) { return; }
                window.liveReady = 0;
                var Counted = function (url, options) {
                    var source = new Native(url, options);
                    source.addEventListener('ready', function () { window.liveReady++; });
                    return source;
                };
                Counted.prototype = Native.prototype;
                window.EventSource = Counted;
            })();
            """;

    private LiveProbe() {
    }

    /** For every page this browser loads from now on. */
    static void install(Browser browser) {
        ((HasCdp) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WRAPPER));
    }

    /** Waits until the page now shown has received the app's "ready" on its live connection. */
    static void awaitConnected(Browser browser) {
        browser.waiting().until(driver -> {
            Object ready = ((JavascriptExecutor) driver).executeScript("return window.liveReady || 0;");
            return ((Number) ready).longValue() > 0;
        });
    }
}
