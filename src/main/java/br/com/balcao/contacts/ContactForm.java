package br.com.balcao.contacts;

import br.com.balcao.shared.Phones;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact page's form, as typed: the details the Desk's card also edits ({@link ContactEdit}), the phone
 * (checked by libphonenumber, Brazil assumed without a country code) and the extra fields as name/value rows
 * (a row with both blank is dropped). {@link #errors()} maps each field to the message key of its problem.
 */
record ContactForm(ContactEdit details, String phone, List<ExtraField> extras) {

    static final int MAX_EXTRAS = 30;
    static final int MAX_EXTRA_NAME = CsvHeader.MAX_EXTRA_NAME;
    static final int MAX_EXTRA_VALUE = ImportLine.MAX_EXTRA_VALUE;

    record ExtraField(String name, String value) {
    }

    static ContactForm typed(String name, String phone, String email, String city, String document,
                             List<String> extraNames, List<String> extraValues) {
        List<ExtraField> extras = new ArrayList<>();
        for (int i = 0; i < Math.max(extraNames.size(), extraValues.size()); i++) {
            String extraName = i < extraNames.size() ? extraNames.get(i).strip() : "";
            String extraValue = i < extraValues.size() ? extraValues.get(i).strip() : "";
            if (!extraName.isEmpty() || !extraValue.isEmpty()) {
                extras.add(new ExtraField(extraName, extraValue));
            }
        }
        return new ContactForm(new ContactEdit(name, email, city, document), phone == null ? "" : phone.strip(),
                List.copyOf(extras));
    }

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>(details.errors());
        if (Phones.parse(phone).isEmpty()) {
            errors.put("phone", "contacts.error.phone");
        }
        Set<String> names = new HashSet<>();
        for (ExtraField extra : extras) {
            if (extra.name().isEmpty() || length(extra.name()) > MAX_EXTRA_NAME || length(extra.value()) > MAX_EXTRA_VALUE
                    || !names.add(extra.name().toLowerCase())) {
                errors.put("extras", "contacts.error.extras");
            }
        }
        if (extras.size() > MAX_EXTRAS) {
            errors.put("extras", "contacts.error.extras");
        }
        return errors;
    }

    Map<String, String> extraFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        extras.stream().filter(extra -> !extra.value().isEmpty()).forEach(extra -> fields.put(extra.name(), extra.value()));
        return fields;
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
