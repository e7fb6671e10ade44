package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Makes a number's contacts: Brazilian names and mobile phones, some e-mails, cities, CPFs and extra fields. */
final class ContactFactory {

    static final String JOAO_PEREIRA_DIGITS = "5511998871234";

    private final Random random;

    ContactFactory(Random random) {
        this.random = random;
    }

    /** The number's contacts; some customers of {@code others} write to this number too. */
    List<DemoContact> create(DemoNumber number, int count, List<DemoContact> others) {
        List<DemoContact> contacts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (number.id() == DemoCatalog.LOJA_CENTRO.id()) {
            contacts.add(joaoPereira());
        }
        taken.add(JOAO_PEREIRA_DIGITS);
        while (contacts.size() < count) {
            DemoContact contact = !others.isEmpty() && random.nextInt(100) < 6
                    ? sameCustomer(number, others.get(random.nextInt(others.size())))
                    : newCustomer(number);
            if (taken.add(contact.digits)) {
                contacts.add(contact);
            }
        }
        return contacts;
    }

    private DemoContact joaoPereira() {
        DemoContact joao = new DemoContact(DemoCatalog.LOJA_CENTRO.id(), JOAO_PEREIRA_DIGITS, "João Pereira");
        joao.email = "joao.pereira@gmail.com";
        joao.city = "São Paulo";
        joao.document = cpf();
        joao.extraFields = "{\"cliente_desde\": \"2019\", \"canal\": \"Loja física\"}";
        return joao;
    }

    private DemoContact sameCustomer(DemoNumber number, DemoContact other) {
        DemoContact contact = new DemoContact(number.id(), other.digits, other.name);
        contact.email = other.email;
        contact.city = other.city;
        return contact;
    }

    private DemoContact newCustomer(DemoNumber number) {
        String areaCode = areaCode(number);
        String digits = random.nextInt(200) == 0 ? foreignPhone() : "55" + areaCode + "9" + digits(8);
        DemoContact contact = new DemoContact(number.id(), digits, name());
        if (contact.name != null && random.nextInt(100) < 25) {
            contact.email = email(contact.name);
        }
        if (random.nextInt(100) < 40 && digits.startsWith("55")) {
            contact.city = DemoNames.CITIES.get(areaCode);
        }
        if (random.nextInt(100) < 15) {
            contact.document = cpf();
        }
        if (random.nextInt(100) < 10) {
            contact.extraFields = extraFields();
        }
        return contact;
    }

    private String areaCode(DemoNumber number) {
        int roll = random.nextInt(100);
        if (number.id() == 1 && roll < 70) {
            return "11";
        }
        if (number.id() == 2 && roll < 30) {
            return "11";
        }
        if (number.id() == 3 && roll < 65) {
            return roll < 55 ? "21" : "24";
        }
        return pick(DemoNames.AREA_CODES);
    }

    private String foreignPhone() {
        return random.nextBoolean() ? "3519" + digits(8) : "1" + (201 + random.nextInt(700)) + digits(7);
    }

    private String name() {
        int roll = random.nextInt(100);
        if (roll < 6) {
            return null;
        }
        if (roll < 12) {
            return pick(DemoNames.NICKNAMES);
        }
        String first = pick(DemoNames.FIRST_NAMES);
        if (roll < 30) {
            return first;
        }
        String name = first + " " + pick(DemoNames.SURNAMES);
        if (random.nextInt(100) < 35) {
            name += " " + pick(DemoNames.SURNAMES);
        }
        return roll < 33 ? name.toLowerCase(Locale.ROOT) : name;
    }

    private String email(String name) {
        String[] parts = unaccent(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().split(" +");
        String local = parts.length > 1 ? parts[0] + "." + parts[parts.length - 1] : parts[0] + (1950 + random.nextInt(56));
        if (random.nextBoolean()) {
            local += random.nextInt(100);
        }
        return local + "@" + pick(DemoNames.EMAIL_DOMAINS);
    }

    private String extraFields() {
        return random.nextBoolean()
                ? "{\"canal\": \"" + pick(DemoNames.CHANNELS) + "\", \"cliente_desde\": \"" + (2015 + random.nextInt(11)) + "\"}"
                : "{\"pedido\": \"" + (40000 + random.nextInt(20000)) + "\"}";
    }

    /** A CPF with valid check digits, digits only. */
    private String cpf() {
        int[] digits = new int[11];
        for (int i = 0; i < 9; i++) {
            digits[i] = random.nextInt(10);
        }
        digits[9] = cpfCheckDigit(digits, 9);
        digits[10] = cpfCheckDigit(digits, 10);
        StringBuilder cpf = new StringBuilder();
        for (int digit : digits) {
            cpf.append(digit);
        }
        return cpf.toString();
    }

    private static int cpfCheckDigit(int[] digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += digits[i] * (length + 1 - i);
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String unaccent(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
