package br.com.balcao.shared;

/** Keeps "return to" redirects inside the app, so that a crafted link cannot send a user elsewhere. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return candidate;
    }
}
