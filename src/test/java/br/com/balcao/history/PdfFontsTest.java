package br.com.balcao.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfFontsTest {

    private final PdfFonts fonts = new PdfFonts();

    @Test
    void portugueseTextIsDrawnAsItIs() {
        String text = "Atenção: João, açúcar, pão, avó, Ângela, ÊXITO, à beça — “aspas” … € 2ª";
        assertThat(fonts.drawable(text)).isEqualTo(text);
    }

    @Test
    void decomposedAccentsAreComposedBeforeDrawing() {
        assertThat(fonts.drawable("Jo\u0061\u0303o")).isEqualTo("João");
    }

    @Test
    void whatTheFontLacksIsReplacedNeverDropped() {
        assertThat(fonts.replacement()).isIn("\uFFFD", "?");
        String r = fonts.replacement();
        assertThat(fonts.drawable("ok 😀 谢 \u0007 fim")).isEqualTo("ok " + r + " " + r + " " + r + " fim");
    }

    @Test
    void lineBreaksAreKeptAndTabsBecomeSpaces() {
        assertThat(fonts.drawable("um\r\ndois\rtrês\tquatro")).isEqualTo("um\ndois\ntrês    quatro");
        assertThat(fonts.drawable(null)).isEmpty();
    }
}
