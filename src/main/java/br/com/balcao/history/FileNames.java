package br.com.balcao.history;

import java.text.Normalizer;
import java.util.Locale;

/** Names of downloaded files: plain ASCII words joined by hyphens, so that every system accepts them. */
final class FileNames {

    private FileNames() {
    }

    /** "Loja Centro — São Paulo" becomes "loja-centro-sao-paulo". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "number" : slug;
    }
}
