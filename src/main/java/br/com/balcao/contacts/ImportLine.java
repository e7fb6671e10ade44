package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactCsv.Field;
import br.com.balcao.contacts.CsvHeader.ExtraColumn;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.Phones.Phone;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One data line of an import, read against the header: either the contact it describes, or why it is
 * rejected. The line is checked by the rules of the contact's form ({@link ContactEdit}); blank cells say nothing
 * (an existing contact keeps that value); cells of unknown columns become extra fields.
 */
record ImportLine(int number, List<String> values, ImportedContact contact, Rejection rejection) {

    enum Reason {
        NO_PHONE, INVALID_PHONE, TOO_LONG, INVALID_EMAIL, INVALID_DOCUMENT, DUPLICATE, TOO_MANY_VALUES
    }

    /** Why a line was rejected; {@code detail} names the column, or the line it repeats. */
    record Rejection(Reason reason, String detail) {

        public String messageKey() {
            return "contacts.import.reason." + reason.name();
        }
    }

    /** A valid line's contact: its phone, its fields normalised as they will be stored, its extra fields. */
    record ImportedContact(Phone phone, ContactEdit details, Map<String, String> extras) {
    }

    static ImportLine read(CsvHeader header, int number, List<String> values, Validator validator) {
        if (values.size() > header.names().size()) {
            return rejected(number, values, Reason.TOO_MANY_VALUES, null);
        }
        ContactEdit edit = ContactEdit.read(field -> header.value(values, field));
        if (edit.phone() == null) {
            return rejected(number, values, Reason.NO_PHONE, null);
        }
        Set<String> wrong = validator.validate(edit).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
        if (wrong.contains(Field.PHONE.header())) {
            return rejected(number, values, Reason.INVALID_PHONE, edit.phone().length() > 40 ? null : edit.phone());
        }
        for (Field field : Field.values()) {
            if (wrong.contains(field.header())) {
                return rejected(number, values, field.invalid(),
                        field.invalid() == Reason.TOO_LONG ? field.header() : null);
            }
        }
        Map<String, String> extras = new LinkedHashMap<>();
        for (ExtraColumn column : header.extras()) {
            String value = CsvHeader.cell(values, column.index());
            if (value != null && FieldRules.characters(value) > ContactEdit.MAX_EXTRA_VALUE) {
                return rejected(number, values, Reason.TOO_LONG, column.name());
            }
            if (value != null) {
                extras.put(column.name(), value);
            }
        }
        Phone phone = Phones.parse(edit.phone()).orElseThrow();
        return new ImportLine(number, values, new ImportedContact(phone, edit.normalized(), extras), null);
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
