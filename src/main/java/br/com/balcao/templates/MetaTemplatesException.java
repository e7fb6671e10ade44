package br.com.balcao.templates;

/** Meta refused the template list (its error code, e.g. 190 for the token, 100 for the account id) or was not reached (no code). */
public class MetaTemplatesException extends RuntimeException {

    private final Integer code;

    public MetaTemplatesException(Integer code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Meta's error code, or null when Meta did not answer. */
    public Integer code() {
        return code;
    }
}
