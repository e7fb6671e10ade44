package br.com.balcao.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Watches what a page does to call the user: the browser notifications it shows (into
 * {@code window.shownNotifications}, with the permission granted) and the tones it starts (counted in
 * {@code window.beeps}). Headless Chromium has no visible tab, so the test says when the tab counts as hidden.
 * Installed through the DevTools protocol, ahead of the page's own scripts.
 */
final class AlertProbe {

    private static final String WRAPPER = """
            (function () {
                window.shownNotifications = [];
                window.beeps = 0;
                window.pretendHidden = false;
                var Recorded = function (title, options) {
                    window.shownNotifications.push({ title: title, body: (options || {}).body || '' });
                    this.close = function () {};
                };
                Recorded.permission = 'granted';
                Recorded.requestPermission = function () { return Promise.resolve('granted'); };
                window.Notification = Recorded;
                Object.defineProperty(Document.prototype, 'hidden', { get: function () { return window.pretendHidden; } });
                if (window.OscillatorNode) {
                    var start = OscillatorNode.prototype.start;
                    OscillatorNode.prototype.start = function () {
                        window.beeps++;
                        return start.apply(this, arguments);
                    };
                }
            })();
            """;

    private AlertProbe() {
    }

    /** For every page this browser loads from now on. */
    static void install(Browser browser) {
        ((HasCdp) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WRAPPER));
    }

    static void pretendTheTabIsHidden(Browser browser) {
        script(browser).executeScript("window.pretendHidden = true;");
    }

    /** The titles of the notifications shown so far. */
    @SuppressWarnings("unchecked")
    static List<String> notificationTitles(Browser browser) {
        return (List<String>) script(browser).executeScript(
                "return window.shownNotifications.map(function (n) { return n.title; });");
    }

    static long beeps(Browser browser) {
        return ((Number) script(browser).executeScript("return window.beeps;")).longValue();
    }

    private static JavascriptExecutor script(Browser browser) {
        return (JavascriptExecutor) browser.driver();
    }
}
