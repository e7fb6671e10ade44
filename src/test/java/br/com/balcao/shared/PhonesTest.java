package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.shared.Phones.Phone;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void aWhatsAppIdIsTheInternationalNumbersDigits() {
        assertThat(Phones.fromWaId("5511998871234")).contains(new Phone("+5511998871234", "5511998871234"));
        assertThat(Phones.fromWaId("16505551234")).contains(new Phone("+16505551234", "16505551234"));
    }

    @Test
    void theSameIdGivesTheSamePhoneEveryTime() {
        Phone first = Phones.fromWaId("5521987654321").orElseThrow();

        assertThat(Phones.fromWaId("5521987654321")).containsSame(first);
    }

    @Test
    void digitsThatAreNoPossibleNumberAreKeptAsTheyCame() {
        assertThat(Phones.fromWaId("99999")).contains(new Phone("+99999", "99999"));
    }

    @Test
    void anythingButFiveToTwentyDigitsIsNoWhatsAppId() {
        assertThat(Phones.fromWaId(null)).isEmpty();
        assertThat(Phones.fromWaId("1234")).isEmpty();
        assertThat(Phones.fromWaId("+5511998871234")).isEmpty();
        assertThat(Phones.fromWaId("55 11 99887")).isEmpty();
        assertThat(Phones.fromWaId("1".repeat(21))).isEmpty();
    }

    @Test
    void aTypedPhoneIsReadWithOrWithoutCountryCode() {
        assertThat(Phones.parse("(11) 99887-1234")).contains(new Phone("+5511998871234", "5511998871234"));
        assertThat(Phones.parse("+55 11 99887-1234")).contains(new Phone("+5511998871234", "5511998871234"));
        assertThat(Phones.parse("abc")).isEmpty();
    }
}
