package br.com.balcao.hostile;

import java.io.UnsupportedEncodingException;
import java.util.stream.Collectors;
import org.springframework.mock.web.MockHttpServletResponse;

/** The lines of a page that carry a form's error messages, to say why a request was refused. */
final class FormErrors {

    private FormErrors() {
    }

    static String of(MockHttpServletResponse response) throws UnsupportedEncodingException {
        return response.getContentAsString().lines()
                .filter(line -> line.contains("invalid-feedback") || line.contains("alert-danger")
                        || line.contains("error"))
                .map(String::strip).map(line -> line.length() > 300 ? line.substring(0, 300) : line)
                .collect(Collectors.joining("\n"));
    }
}
