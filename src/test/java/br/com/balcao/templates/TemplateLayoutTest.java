package br.com.balcao.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.templates.TemplateLayout.Button;
import br.com.balcao.templates.TemplateLayout.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta's components read into what the active message shows, and which templates it can fill in. */
class TemplateLayoutTest {

    @Test
    void headerFooterAndButtonsAreReadFromMetasComponents() {
        TemplateLayout layout = TemplateLayout.of("""
                [{"type": "HEADER", "format": "TEXT", "text": "Pedido {{1}}"},
                 {"type": "BODY", "text": "Olá {{1}}"},
                 {"type": "FOOTER", "text": "Loja Centro"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Recebi"},
                   {"type": "URL", "text": "Ver", "url": "https://loja.example/pedidos"},
                   {"type": "PHONE_NUMBER", "text": "Ligar", "phone_number": "+551140000000"}]}]""", "Olá {{1}}");

        assertThat(layout.header()).isEqualTo(new Header(HeaderFormat.TEXT, "Pedido {{1}}"));
        assertThat(layout.header().hasVariable()).isTrue();
        assertThat(layout.footer()).isEqualTo("Loja Centro");
        assertThat(layout.buttons()).containsExactly(new Button(Button.Kind.QUICK_REPLY, "Recebi", ""),
                new Button(Button.Kind.URL, "Ver", "https://loja.example/pedidos"),
                new Button(Button.Kind.PHONE_NUMBER, "Ligar", "+551140000000"));
        assertThat(layout.sendable()).isTrue();
        assertThat(TemplateLayout.bodyOf("[{\"type\": \"BODY\", \"text\": \"Olá {{1}}\"}]")).isEqualTo("Olá {{1}}");
    }

    @Test
    void partsThisAppCannotFillInMakeATemplateUnsendable() {
        List<String> unsendable = List.of(
                "[{\"type\": \"HEADER\", \"format\": \"LOCATION\"}, {\"type\": \"BODY\", \"text\": \"Aqui\"}]",
                "[{\"type\": \"BODY\", \"text\": \"Aqui\"}, {\"type\": \"BUTTONS\", \"buttons\": [{\"type\": \"URL\","
                        + " \"text\": \"Ver\", \"url\": \"https://loja.example/{{1}}\"}]}]",
                "[{\"type\": \"BODY\", \"text\": \"Código\"}, {\"type\": \"BUTTONS\", \"buttons\": [{\"type\": \"OTP\","
                        + " \"otp_type\": \"COPY_CODE\", \"text\": \"Copiar\"}]}]",
                "[{\"type\": \"HEADER\", \"format\": \"SOMETHING_NEW\"}, {\"type\": \"BODY\", \"text\": \"Oi\"}]");
        unsendable.forEach(components -> assertThat(TemplateLayout.of(components, "Aqui").sendable())
                .as(components).isFalse());
        assertThat(TemplateLayout.of("[{\"type\": \"BODY\", \"text\": \"Oi {{first_name}}\"}]", "Oi {{first_name}}")
                .sendable()).isFalse();
        assertThat(TemplateLayout.of("[{\"type\": \"HEADER\", \"format\": \"IMAGE\"}]", "Oi").mediaHeader()).isTrue();
    }

    @Test
    void aLocalTemplateOrUnreadableComponentsHaveNothingAroundTheBody() {
        assertThat(TemplateLayout.of(null, "Oi")).isEqualTo(TemplateLayout.NONE);
        assertThat(TemplateLayout.of("not json", "Oi")).isEqualTo(TemplateLayout.NONE);
        assertThat(TemplateLayout.NONE.sendable()).isTrue();
    }

    @Test
    void aHeaderFileIsAnImageAVideoOrADocumentNamedByItsKeptFileUntilUploaded() {
        HeaderMedia kept = new HeaderMedia(HeaderFormat.DOCUMENT, 42);
        assertThat(kept.type()).isEqualTo("document");
        assertThat(kept.mediaId()).isNull();
        assertThat(kept.uploaded("1037543291543636", "nota.pdf"))
                .isEqualTo(new HeaderMedia(HeaderFormat.DOCUMENT, 42, "1037543291543636", "nota.pdf"));
        List.of(HeaderFormat.TEXT, HeaderFormat.LOCATION).forEach(format ->
                assertThatThrownBy(() -> new HeaderMedia(format, 42)).isInstanceOf(IllegalArgumentException.class));
    }
}
