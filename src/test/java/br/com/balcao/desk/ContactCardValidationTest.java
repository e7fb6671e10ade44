package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.contacts.ContactEdit;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contact card's field rules (Bean Validation), without a server: lengths, e-mail, CPF/CNPJ digits. */
class ContactCardValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static ContactEdit details(String name, String email, String city, String document) {
        return new ContactEdit(name, email, city, document, null, null, null);
    }

    /** The fields the rules find wrong. */
    private static Set<String> wrong(ContactEdit edit) {
        return VALIDATOR.validate(edit).stream().map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void blanksAreNotInformedAndTheDocumentKeepsOnlyItsDigits() {
        ContactEdit edit = details("  Ana  ", " ", "", " 12.345.678/0001-90 ").normalized();
        assertThat(edit).isEqualTo(details("Ana", null, null, "12345678000190"));
        assertThat(wrong(details(null, null, null, null))).isEmpty();
        assertThat(wrong(details("", "", "", ""))).isEmpty();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        assertThat(wrong(details("😀".repeat(120), null, "ç".repeat(80), null))).isEmpty();
        assertThat(wrong(details("😀".repeat(121), null, "ç".repeat(81), null)))
                .containsOnly("name", "city");
    }

    @Test
    void anEmailNeedsALocalPartAndADomainWithADotAndFitsIn254() {
        assertThat(wrong(details(null, "joao.pereira+loja@mail.example.com.br", null, null))).isEmpty();
        for (String bad : new String[] {"joao", "joao@", "@example.com", "joao@example", "jo ao@example.com",
                "joao@exa_mple.com", "joao@@example.com"}) {
            assertThat(wrong(details(null, bad, null, null))).as(bad).containsOnly("email");
        }
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(3) + "com";
        assertThat(wrong(details(null, local + "@" + domain, null, null))).isEmpty();
        assertThat(wrong(details(null, local + "@" + "c".repeat(10) + "." + domain, null, null)))
                .containsOnly("email");
    }

    @Test
    void aDocumentIsACpfOrACnpj() {
        assertThat(wrong(details(null, null, null, "123.456.789-09"))).isEmpty();
        assertThat(wrong(details(null, null, null, "12345678000190"))).isEmpty();
        for (String bad : new String[] {"123", "1234567890", "123456789012", "1234567890123", "123456789012345",
                "123.456.789-0X", "CPF 12345678909"}) {
            assertThat(wrong(details(null, null, null, bad))).as(bad).containsOnly("document");
        }
    }

    @Test
    void aDocumentIsPunctuatedForReading() {
        assertThat(ContactEdit.formatDocument("12345678909")).isEqualTo("123.456.789-09");
        assertThat(ContactEdit.formatDocument("12345678000190")).isEqualTo("12.345.678/0001-90");
        assertThat(ContactEdit.formatDocument("abc")).isEqualTo("abc");
        assertThat(ContactEdit.formatDocument(null)).isNull();
    }
}
