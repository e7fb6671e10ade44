package br.com.balcao.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

class FormBindingTest {

    record Typed(String name, List<String> replies, String[] titles, List<Long> ids) {
    }

    static class Password {

        private String password;

        public void setPassword(String password) {
            this.password = password;
        }
    }

    record Setup(String name, String password) {
    }

    /** An inner class: the application's scan for controllers (AuthorizationMatrixTest) passes over it. */
    @org.springframework.stereotype.Controller
    class Echo {

        @PostMapping("/form")
        @ResponseBody
        String form(@ModelAttribute Typed form) {
            return "[" + form.name() + "] " + form.replies() + " " + List.of(form.titles()) + " " + form.ids();
        }

        @PostMapping("/param")
        @ResponseBody
        String param(@RequestParam String text, @RequestParam(defaultValue = "") List<String> values,
                @RequestParam(defaultValue = "") List<Long> ids) {
            return "[" + text + "] " + values + " " + ids;
        }

        @PostMapping("/password")
        @ResponseBody
        String password(@ModelAttribute Password form) {
            return "[" + form.password + "]";
        }

        @PostMapping("/setup")
        @ResponseBody
        String setup(@ModelAttribute Setup form, @RequestParam String password) {
            return "[" + form.password() + "] [" + password + "]";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new FormBinding())
            .build();

    @Test
    void aSingleValueWithACommaStaysOneValue() throws Exception {
        mvc.perform(post("/form").param("name", "Silva, Ana").param("replies", "Olá, tudo bem?")
                        .param("titles", "Bom dia, cliente").param("ids", "7"))
                .andExpect(content().string("[Silva, Ana] [Olá, tudo bem?] [Bom dia, cliente] [7]"));
        mvc.perform(post("/param").param("text", "a, b").param("values", "Olá, tudo bem?").param("ids", "3"))
                .andExpect(content().string("[a, b] [Olá, tudo bem?] [3]"));
        mvc.perform(post("/param").param("text", "x").param("values", "a,b", "c").param("ids", "1", "2"))
                .andExpect(content().string("[x] [a,b, c] [1, 2]"));
    }

    @Test
    void textIsTrimmedAndAnEmptyValueStaysEmptyButPasswordsAreKeptAsTyped() throws Exception {
        mvc.perform(post("/form").param("name", "  Ana  ").param("replies", "  Oi ").param("titles", " T "))
                .andExpect(content().string("[Ana] [Oi] [T] []"));
        mvc.perform(post("/param").param("text", "   ").param("values", "").param("ids", ""))
                .andExpect(content().string("[] [] []"));
        mvc.perform(post("/password").param("password", " secret "))
                .andExpect(content().string("[ secret ]"));
        mvc.perform(post("/setup").param("name", "Ana").param("password", " secret "))
                .andExpect(content().string("[ secret ] [ secret ]"));
    }
}
