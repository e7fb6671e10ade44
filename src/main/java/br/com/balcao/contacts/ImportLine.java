package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactCsv.Field;
import br.com.balcao.contacts.CsvHeader.ExtraColumn;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.Phones.Phone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data line of an import, read against the header: either the contact it describes, or why it is
 * rejected. Blank cells say nothing (an existing contact keeps that value); cells of unknown columns become
 * extra fields.
 */
record ImportLine(int number, List<String> values, ImportedContact contact, Rejection rejection) {

    static final int MAX_EXTRA_VALUE = 500;

    enum Reason {
        NO_PHONE, INVALID_PHONE, TOO_LONG, INVALID_EMAIL, INVALID_DOCUMENT, DUPLICATE, TOO_MANY_VALUES
    }

    /** Why a line was rejected; {@code detail} names the column, or the line it repeats. */
    record Rejection(Reason reason, String detail) {

        public String messageKey() {
            return "contacts.import.reason." + reason.name();
        }
    }

    /** A valid line's contact, normalised as it will be stored (document as digits, phone in E.164). */
    record ImportedContact(Phone phone, String name, String email, String city, String document,
            Map<String, String> extras) {
    }

    static ImportLine read(CsvHeader header, int number, List<String> values) {
        if (values.size() > header.names().size()) {
            return rejected(number, values, Reason.TOO_MANY_VALUES, null);
        }
        String typedPhone = header.value(values, Field.PHONE);
        if (typedPhone == null) {
            return rejected(number, values, Reason.NO_PHONE, null);
        }
        Optional<Phone> phone = Phones.parse(typedPhone);
        if (phone.isEmpty()) {
            return rejected(number, values, Reason.INVALID_PHONE, typedPhone.length() > 40 ? null : typedPhone);
        }
        ContactEdit edit = new ContactEdit(header.value(values, Field.NAME), header.value(values, Field.EMAIL),
                header.value(values, Field.CITY), header.value(values, Field.DOCUMENT));
        Map<String, String> errors = edit.errors();
        if (errors.containsKey("name")) {
            return rejected(number, values, Reason.TOO_LONG, Field.NAME.header());
        }
        if (errors.containsKey("email")) {
            return rejected(number, values, Reason.INVALID_EMAIL, null);
        }
        if (errors.containsKey("city")) {
            return rejected(number, values, Reason.TOO_LONG, Field.CITY.header());
        }
        if (errors.containsKey("document")) {
            return rejected(number, values, Reason.INVALID_DOCUMENT, null);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        for (ExtraColumn column : header.extras()) {
            String value = CsvHeader.cell(values, column.index());
            if (value != null && value.codePointCount(0, value.length()) > MAX_EXTRA_VALUE) {
                return rejected(number, values, Reason.TOO_LONG, column.name());
            }
            if (value != null) {
                extras.put(column.name(), value);
            }
        }
        ContactEdit value = edit.normalized();
        return new ImportLine(number, values, new ImportedContact(phone.get(), value.name(), value.email(),
                value.city(), value.document(), extras), null);
    }

    static ImportLine rejected(int number, List<String> values, Reason reason, String detail) {
        return new ImportLine(number, values, null, new Rejection(reason, detail));
    }

    public boolean valid() {
        return rejection == null;
    }

    /** The same line, rejected as a repeat of an earlier line of the file with the same phone. */
    ImportLine duplicateOf(int firstLine) {
        return rejected(number, values, Reason.DUPLICATE, Integer.toString(firstLine));
    }
}
