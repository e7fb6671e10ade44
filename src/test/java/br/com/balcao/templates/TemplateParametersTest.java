package br.com.balcao.templates;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.templates.TemplateParameters.PreviewPart;
import br.com.balcao.templates.TemplateParameters.Refusal;
import br.com.balcao.templates.TemplateParameters.Refusal.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta's parameter rules and the preview, without Spring. */
class TemplateParametersTest {

    private static final TemplateView GREETING = template("Olá {{1}}, aqui é a {{2}}.");

    @Test
    void valuesThatMetaAcceptsPassAndAreSentWithoutSurroundingSpaces() {
        assertThat(TemplateParameters.check(GREETING, List.of(" Maria ", "Loja, Centro"))).isEmpty();
        assertThat(TemplateParameters.stripped(List.of(" Maria ", "Loja, Centro")))
                .containsExactly("Maria", "Loja, Centro");
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "x".repeat(1024)))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesTheFirstVariableThatBreaksIt() {
        assertThat(TemplateParameters.check(GREETING, List.of("Maria")))
                .contains(new Refusal(Rule.COUNT, 2));
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "   ")))
                .contains(new Refusal(Rule.EMPTY, 2));
        assertThat(TemplateParameters.check(GREETING, List.of("x".repeat(1025), "Loja")))
                .contains(new Refusal(Rule.LONG, 1));
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "linha 1\nlinha 2")))
                .contains(new Refusal(Rule.FORMAT, 2));
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "a\tb")))
                .contains(new Refusal(Rule.FORMAT, 2));
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "a     b")))
                .contains(new Refusal(Rule.FORMAT, 2));
        assertThat(TemplateParameters.check(GREETING, List.of("Maria", "a    b"))).isEmpty();
    }

    @Test
    void theRefusalArgumentIsTheVariableOrTheCountExpected() {
        assertThat(new Refusal(Rule.EMPTY, 2).argument()).isEqualTo("{{2}}");
        assertThat(new Refusal(Rule.COUNT, 3).argument()).isEqualTo("3");
    }

    @Test
    void theFirstVariableStartsWithTheContactsNameAndTheOthersEmpty() {
        assertThat(TemplateParameters.startingValues(GREETING, " Maria ")).containsExactly("Maria", "");
        assertThat(TemplateParameters.startingValues(GREETING, "  ")).containsExactly("", "");
        assertThat(TemplateParameters.startingValues(template("Sem variáveis."), "Maria")).isEmpty();
    }

    @Test
    void thePreviewCutsTheBodyIntoTextAndVariablesMarkingTheEmptyOnes() {
        assertThat(TemplateParameters.preview(GREETING.body(), List.of("Maria", ""))).containsExactly(
                new PreviewPart("Olá ", 0, false),
                new PreviewPart("Maria", 1, false),
                new PreviewPart(", aqui é a ", 0, false),
                new PreviewPart("{{2}}", 2, true),
                new PreviewPart(".", 0, false));
        assertThat(TemplateParameters.preview("{{1}}{{3}}", List.of("a"))).containsExactly(
                new PreviewPart("a", 1, false), new PreviewPart("{{3}}", 3, true));
    }

    private static TemplateView template(String body) {
        return new TemplateView(1, 1, "greeting", "pt_BR", TemplateCategory.UTILITY, body, TemplateStatus.APPROVED);
    }
}
