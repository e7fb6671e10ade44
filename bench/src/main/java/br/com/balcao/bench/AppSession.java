package br.com.balcao.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser-like session of the app: form login with its CSRF token (the JDK's client, which keeps
 * the cookies), then GETs with the session cookie through {@link LoopbackHttp}, whose own cost per request is
 * small beside the app's.
 */
final class AppSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final LoopbackHttp loopback;
    private String cookieHeader;

    private AppSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.loopback = new LoopbackHttp(URI.create(baseUrl));
    }

    static AppSession signIn(String baseUrl, String email, String password) throws IOException, InterruptedException {
        AppSession session = new AppSession(baseUrl);
        String form = session.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login refused for " + email + ": " + login.statusCode() + " " + location);
        }
        session.cookieHeader = "Cookie: " + session.cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        return session;
    }

    /** GETs a path as htmx does (the fragment only); fails on anything but 200. Returns the body. */
    String htmxGet(String pathAndQuery) throws IOException {
        return get(pathAndQuery, cookieHeader, "HX-Request: true");
    }

    /** GETs a whole page as a browser does; fails on anything but 200. Returns the body. */
    String pageGet(String pathAndQuery) throws IOException {
        return get(pathAndQuery, cookieHeader);
    }

    private String get(String pathAndQuery, String... headers) throws IOException {
        LoopbackHttp.Response response = loopback.get(pathAndQuery, headers);
        if (response.status() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.status());
        }
        return response.text();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
