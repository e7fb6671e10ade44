package br.com.balcao.absence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbsenceTextsTest {

    @Test
    void suggestsWhateverIsKnownOfTheOtherAgent() {
        assertThat(AbsenceTexts.reply("Estamos ausentes.", "Carla", null))
                .isEqualTo("Estamos ausentes.\n\nSe preferir, fale com Carla.");
        assertThat(AbsenceTexts.reply("Estamos ausentes.", " ", "+55 11 98888-7777"))
                .isEqualTo("Estamos ausentes.\n\nSe preferir, fale com a gente pelo número +55 11 98888-7777.");
        assertThat(AbsenceTexts.reply("Estamos ausentes.", null, null)).isEqualTo("Estamos ausentes.");
    }

    @Test
    void aBlankMessageFallsBackToADefault() {
        assertThat(AbsenceTexts.reply("  ", null, null)).isEqualTo(AbsenceTexts.DEFAULT_MESSAGE);
    }
}
