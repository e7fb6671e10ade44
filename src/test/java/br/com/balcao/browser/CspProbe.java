package br.com.balcao.browser;

import java.util.List;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The Content-Security-Policy violations the browser reported on its console since the last look. The console
 * is read rather than a {@code securitypolicyviolation} listener, because a style attribute refused while
 * htmx or a library builds detached elements is reported only there.
 */
final class CspProbe {

    private CspProbe() {
    }

    static List<String> violations(Browser browser) {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }
}
