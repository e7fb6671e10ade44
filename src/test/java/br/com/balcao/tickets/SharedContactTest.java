package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cards of a CONTACTS message's payload, and what a quote shows of a text. */
class SharedContactTest {

    @Test
    void aCardWithoutAFormattedNameIsNamedByItsPartsAndAPhoneWithoutANumberByItsWhatsAppId() {
        assertThat(SharedContact.of("""
                [{"name": {"first_name": "Ana", "last_name": "Souza"}, "phones": [{"wa_id": "5511987654321"}]},
                 {"phones": [{"phone": "+55 11 3333-4444", "type": "WORK"}, {"type": "HOME"}]}]
                """)).containsExactly(new SharedContact("Ana Souza", List.of("+5511987654321")),
                new SharedContact(null, List.of("+55 11 3333-4444")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"name\": \"an object, not an array\"}", "42", "[]"})
    void aPayloadThatIsNotWhatWhatsAppSendsHasNoCards(String payload) {
        assertThat(SharedContact.of(payload)).isEmpty();
        assertThat(SharedContact.of(null)).isEmpty();
    }

    @Test
    void aQuoteShowsTheFirstLineCutWithoutSplittingACharacter() {
        assertThat(QuotedMessage.firstLineOf("\n  \nPrimeira linha\nSegunda")).isEqualTo("Primeira linha");
        assertThat(QuotedMessage.firstLineOf("   ")).isNull();
        assertThat(QuotedMessage.firstLineOf(null)).isNull();
        String emojiAtTheCut = "a".repeat(QuotedMessage.MAX_LINE - 1) + "😀 fim";
        assertThat(QuotedMessage.firstLineOf(emojiAtTheCut)).isEqualTo("a".repeat(QuotedMessage.MAX_LINE - 1) + "…");
    }
}
