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

    @Test
    void aPhoneIsShownAsPeopleReadItInItsCountry() {
        assertThat(Phones.readable("+5511977771610")).isEqualTo("+55 11 97777-1610");
        assertThat(Phones.readable("+551133334444")).isEqualTo("+55 11 3333-4444");
        assertThat(Phones.readable("+16505551234")).isEqualTo("+1 650-555-1234");
        assertThat(Phones.readable("+351912345678")).isEqualTo("+351 912 345 678");
        assertThat(Phones.readable("+99999")).isEqualTo("+99999");
        assertThat(Phones.readable(null)).isNull();
    }
}
