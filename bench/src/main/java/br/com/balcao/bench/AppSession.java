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

/** A signed-in browser-like session of the app: form login with its CSRF token, then GETs with the cookie. */
final class AppSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    private AppSession(String baseUrl) {
        this.baseUrl = baseUrl;
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
        return session;
    }

    /** GETs a path as htmx does (the fragment only); fails on anything but 200. Returns the body. */
    String htmxGet(String pathAndQuery) throws IOException, InterruptedException {
        return get(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("HX-Request", "true"), pathAndQuery);
    }

    /** GETs a whole page as a browser does; fails on anything but 200. Returns the body. */
    String pageGet(String pathAndQuery) throws IOException, InterruptedException {
        return get(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)), pathAndQuery);
    }

    private String get(HttpRequest.Builder request, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
