package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactCsv.Field;
import br.com.balcao.contacts.FieldRules.Characters;
import br.com.balcao.contacts.FieldRules.PhoneNumber;
import br.com.balcao.shared.Phones;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The contact's editable fields, as typed: the form of the contact page, the form of the Desk's card, a line of
 * an import. A field that is null is not part of the edit and keeps its value (the card has no phone and no extra
 * fields; an import's blank cell says nothing). The extra fields are rows of a name and a value (the n-th
 * {@code extraName} goes with the n-th {@code extraValue}; a row with both blank is dropped). {@link #normalized()}
 * gives the values as they are stored.
 */
public record ContactEdit(
        @Characters(max = ContactEdit.MAX_NAME, message = "{contact.error.name}") String name,
        @Pattern(regexp = ContactEdit.EMAIL, message = "{contact.error.email}") String email,
        @Characters(max = ContactEdit.MAX_CITY, message = "{contact.error.city}") String city,
        @Pattern(regexp = ContactEdit.DOCUMENT, message = "{contact.error.document}") String document,
        @NotNull(groups = ContactEdit.WholeContact.class, message = "{contacts.error.phone}")
        @PhoneNumber(message = "{contacts.error.phone}") String phone,
        List<String> extraName, List<String> extraValue) {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_CITY = 80;
    static final int MAX_EXTRAS = 30;
    static final int MAX_EXTRA_NAME = 60;
    static final int MAX_EXTRA_VALUE = 500;

    /** Blank, or an address of at most 254 characters with a local part and a domain with a dot. */
    static final String EMAIL = "(?:(?=.{1," + MAX_EMAIL + "}$)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)?";
    /** Blank, or a CPF (11 digits) or a CNPJ (14), punctuated or not. */
    static final String DOCUMENT = "|(?:[\\s./-]*\\d){11}[\\s./-]*|(?:[\\s./-]*\\d){14}[\\s./-]*";
    private static final java.util.regex.Pattern DOCUMENT_PUNCTUATION = java.util.regex.Pattern.compile("[\\s./-]");
    private static final java.util.regex.Pattern CPF =
            java.util.regex.Pattern.compile("(\\d{3})(\\d{3})(\\d{3})(\\d{2})");
    private static final java.util.regex.Pattern CNPJ =
            java.util.regex.Pattern.compile("(\\d{2})(\\d{3})(\\d{3})(\\d{4})(\\d{2})");

    /** The contact page's form is the whole contact: its phone is required. */
    public interface WholeContact extends Default {
    }

    /** The details alone, as the Desk's card edits them: the phone and the extra fields keep their values. */
    public ContactEdit details() {
        return new ContactEdit(name, email, city, document, null, null, null);
    }

    /** The form as the contact stands, the document punctuated for reading. */
    public static ContactEdit of(ContactView contact) {
        return new ContactEdit(contact.name(), contact.email(), contact.city(), formatDocument(contact.document()),
                Phones.readable(contact.phoneE164()), new ArrayList<>(contact.extraFields().keySet()),
                new ArrayList<>(contact.extraFields().values()));
    }

    /** A line of an import: each field's cell (null when the column is absent or the cell blank). */
    static ContactEdit read(Function<Field, String> cell) {
        return new ContactEdit(cell.apply(Field.NAME), cell.apply(Field.EMAIL), cell.apply(Field.CITY),
                cell.apply(Field.DOCUMENT), cell.apply(Field.PHONE), null, null);
    }

    /** The values as they will be stored: stripped, blanks as null, the document (CPF or CNPJ) as digits. */
    public ContactEdit normalized() {
        String digits = blankToNull(document);
        return new ContactEdit(blankToNull(name), blankToNull(email), blankToNull(city),
                digits == null ? null : DOCUMENT_PUNCTUATION.matcher(digits).replaceAll(""),
                phone == null ? null : phone.strip(), extraName, extraValue);
    }

    /** The extra fields' rows to show (those with a name or a value), stripped. */
    public List<ExtraField> extras() {
        List<String> names = extraName == null ? List.of() : extraName;
        List<String> values = extraValue == null ? List.of() : extraValue;
        List<ExtraField> extras = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), values.size()); i++) {
            String rowName = i < names.size() && names.get(i) != null ? names.get(i).strip() : "";
            String rowValue = i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
            if (!rowName.isEmpty() || !rowValue.isEmpty()) {
                extras.add(new ExtraField(rowName, rowValue));
            }
        }
        return extras;
    }

    /** Each row has a name of its own (up to 60 characters) and a value of up to 500; at most 30 rows. */
    @AssertTrue(message = "{contacts.error.extras}")
    public boolean isExtrasValid() {
        List<ExtraField> extras = extras();
        Set<String> names = new HashSet<>();
        return extras.size() <= MAX_EXTRAS && extras.stream().allMatch(extra -> !extra.name().isEmpty()
                && FieldRules.characters(extra.name()) <= MAX_EXTRA_NAME
                && FieldRules.characters(extra.value()) <= MAX_EXTRA_VALUE
                && names.add(extra.name().toLowerCase()));
    }

    /** The extra fields to store (a row with a blank value removes its field), or null when not edited. */
    Map<String, String> extraFields() {
        if (extraName == null && extraValue == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        extras().stream().filter(extra -> !extra.value().isEmpty()).forEach(extra -> fields.put(extra.name(), extra.value()));
        return fields;
    }

    public record ExtraField(String name, String value) {
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
}
