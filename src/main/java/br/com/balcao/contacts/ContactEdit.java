package br.com.balcao.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's edit of a contact's details, as typed. {@link #normalized()} strips the values, turns blanks into
 * "not informed" and keeps only the document's digits; {@link #errors()} says what is wrong, field by field,
 * as message keys. Nothing is saved while there is an error.
 */
public record ContactEdit(String name, String email, String city, String document) {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_CITY = 80;

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern DOCUMENT_PUNCTUATION = Pattern.compile("[\\s.\\-/]");
    private static final Pattern DOCUMENT_DIGITS = Pattern.compile("\\d{11}|\\d{14}");
    private static final Pattern CPF = Pattern.compile("(\\d{3})(\\d{3})(\\d{3})(\\d{2})");
    private static final Pattern CNPJ = Pattern.compile("(\\d{2})(\\d{3})(\\d{3})(\\d{4})(\\d{2})");

    /** The values as they will be stored: stripped, blanks as null, the document (CPF or CNPJ) as digits. */
    public ContactEdit normalized() {
        String digits = blankToNull(document);
        return new ContactEdit(blankToNull(name), blankToNull(email), blankToNull(city),
                digits == null ? null : DOCUMENT_PUNCTUATION.matcher(digits).replaceAll(""));
    }

    /** Field name to the message key of its problem, in the form's order; empty when the edit may be saved. */
    public Map<String, String> errors() {
        ContactEdit value = normalized();
        Map<String, String> errors = new LinkedHashMap<>();
        if (value.name != null && length(value.name) > MAX_NAME) {
            errors.put("name", "contact.error.name");
        }
        if (value.email != null && (length(value.email) > MAX_EMAIL || !EMAIL.matcher(value.email).matches())) {
            errors.put("email", "contact.error.email");
        }
        if (value.city != null && length(value.city) > MAX_CITY) {
            errors.put("city", "contact.error.city");
        }
        if (value.document != null && !DOCUMENT_DIGITS.matcher(value.document).matches()) {
            errors.put("document", "contact.error.document");
        }
        return errors;
    }

    /** A CPF or CNPJ of digits only, punctuated for reading ("123.456.789-09", "12.345.678/0001-90"). */
    public static String formatDocument(String document) {
        if (document == null) {
            return null;
        }
        Matcher cpf = CPF.matcher(document);
        if (cpf.matches()) {
            return cpf.replaceFirst("$1.$2.$3-$4");
        }
        Matcher cnpj = CNPJ.matcher(document);
        return cnpj.matches() ? cnpj.replaceFirst("$1.$2.$3/$4-$5") : document;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
