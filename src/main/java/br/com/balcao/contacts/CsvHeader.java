package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactCsv.Field;
import br.com.balcao.shared.SpreadsheetText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of an import: which column holds each contact field, which ones become extra fields, and
 * what is wrong with it. A header with a problem cannot be imported.
 */
record CsvHeader(List<String> names, Map<Field, Integer> fields, List<ExtraColumn> extras, List<Problem> problems) {

    static final int MAX_COLUMNS = 60;

    record ExtraColumn(int index, String name) {
    }

    /** A message key of the contacts bundle and the column it is about (or null). */
    record Problem(String key, String column) {
    }

    static CsvHeader of(List<String> row) {
        List<String> names = row.stream().map(String::strip).map(SpreadsheetText::unsafe).toList();
        Map<Field, Integer> fields = new EnumMap<>(Field.class);
        List<ExtraColumn> extras = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (names.size() > MAX_COLUMNS) {
            problems.add(new Problem("contacts.import.header.tooMany", Integer.toString(MAX_COLUMNS)));
        }
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            if (name.isEmpty()) {
                problems.add(new Problem("contacts.import.header.blank", Integer.toString(index + 1)));
                continue;
            }
            Optional<Field> field = Field.named(name);
            String identity = field.map(Field::name).orElse(ContactCsv.fold(name));
            if (!seen.add(identity)) {
                problems.add(new Problem("contacts.import.header.duplicate", name));
            } else if (field.isPresent()) {
                fields.put(field.get(), index);
            } else if (ContactCsv.fold(name).equals(ContactCsv.fold(ContactCsv.REASON_COLUMN))) {
                continue;
            } else if (name.codePointCount(0, name.length()) > ContactEdit.MAX_EXTRA_NAME) {
                problems.add(new Problem("contacts.import.header.longName", name));
            } else {
                extras.add(new ExtraColumn(index, name));
            }
        }
        if (!fields.containsKey(Field.PHONE) && !names.isEmpty()) {
            problems.add(new Problem("contacts.import.header.noPhone", null));
        }
        return new CsvHeader(names, Map.copyOf(fields), List.copyOf(extras), List.copyOf(problems));
    }

    public boolean importable() {
        return problems.isEmpty();
    }

    /**
     * The value of a contact field on a line: stripped, without the apostrophe an export put before a formula,
     * null when the column is absent or the cell blank.
     */
    String value(List<String> line, Field field) {
        Integer index = fields.get(field);
        return index == null ? null : cell(line, index);
    }

    static String cell(List<String> line, int index) {
        if (index >= line.size()) {
            return null;
        }
        String value = SpreadsheetText.unsafe(line.get(index).strip());
        return value.isEmpty() ? null : value;
    }

    /** What each column becomes, for the preview: a field's message key, or the extra field's name. */
    public List<String> mapping() {
        List<String> mapping = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            int column = index;
            mapping.add(fields.entrySet().stream().filter(entry -> entry.getValue() == column)
                    .map(entry -> "contacts.field." + entry.getKey().header()).findFirst()
                    .orElseGet(() -> extras.stream().anyMatch(extra -> extra.index() == column)
                            ? "contacts.import.column.extra" : "contacts.import.column.ignored"));
        }
        return mapping;
    }
}
