package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.hostile.HostileText;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void formulasGetAnApostropheThatTheImportTakesOffAgain() {
        for (String formula : HostileText.FORMULAS) {
            assertThat(SpreadsheetText.safe(formula)).isEqualTo("'" + formula);
            assertThat(SpreadsheetText.unsafe(SpreadsheetText.safe(formula))).isEqualTo(formula);
        }
        assertThat(SpreadsheetText.safe("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetText.safe("-1+cmd")).isEqualTo("'-1+cmd");
    }

    @Test
    void phonesNumbersAndTextStayAsTheyAre() {
        for (String value : new String[] {"+5511912345678", "+55 (11) 91234-5678", "-12.5", "-", "Ana", "", null,
                "'já com apóstrofo", "a=b"}) {
            assertThat(SpreadsheetText.safe(value)).isEqualTo(value);
            assertThat(SpreadsheetText.unsafe(value)).isEqualTo(value);
        }
    }
}
