package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.contacts.ContactEdit;
import org.junit.jupiter.api.Test;

/** The contact card's field rules, without a server: lengths, e-mail, CPF/CNPJ digits. */
class ContactCardValidationTest {

    @Test
    void blanksAreNotInformedAndTheDocumentKeepsOnlyItsDigits() {
        ContactEdit edit = new ContactEdit("  Ana  ", " ", "", " 12.345.678/0001-90 ").normalized();
        assertThat(edit).isEqualTo(new ContactEdit("Ana", null, null, "12345678000190"));
        assertThat(new ContactEdit(null, null, null, null).errors()).isEmpty();
        assertThat(new ContactEdit("", "", "", "").errors()).isEmpty();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        assertThat(new ContactEdit("😀".repeat(120), null, "ç".repeat(80), null).errors()).isEmpty();
        assertThat(new ContactEdit("😀".repeat(121), null, "ç".repeat(81), null).errors())
                .containsOnlyKeys("name", "city");
    }

    @Test
    void anEmailNeedsALocalPartAndADomainWithADotAndFitsIn254() {
        assertThat(new ContactEdit(null, "joao.pereira+loja@mail.example.com.br", null, null).errors()).isEmpty();
        for (String bad : new String[] {"joao", "joao@", "@example.com", "joao@example", "jo ao@example.com",
                "joao@exa_mple.com", "joao@@example.com"}) {
            assertThat(new ContactEdit(null, bad, null, null).errors()).as(bad).containsOnlyKeys("email");
        }
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(3) + "com";
        assertThat(new ContactEdit(null, local + "@" + domain, null, null).errors()).isEmpty();
        assertThat(new ContactEdit(null, local + "@" + "c".repeat(10) + "." + domain, null, null).errors())
                .containsOnlyKeys("email");
    }

    @Test
    void aDocumentIsACpfOrACnpj() {
        assertThat(new ContactEdit(null, null, null, "123.456.789-09").errors()).isEmpty();
        assertThat(new ContactEdit(null, null, null, "12345678000190").errors()).isEmpty();
        for (String bad : new String[] {"123", "1234567890", "123456789012", "1234567890123", "123456789012345",
                "123.456.789-0X", "CPF 12345678909"}) {
            assertThat(new ContactEdit(null, null, null, bad).errors()).as(bad).containsOnlyKeys("document");
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
