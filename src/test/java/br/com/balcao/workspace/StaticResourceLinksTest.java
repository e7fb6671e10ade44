package br.com.balcao.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class StaticResourceLinksTest {

    private static final Pattern BOOTSTRAP_CSS =
            Pattern.compile("href=\"(/webjars/bootstrap/(\\d+\\.\\d+\\.\\d+)/css/bootstrap\\.min\\.css)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void webjarLinksCarryTheVersionAndOtherLinksAreLeftAlone() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Matcher bootstrap = BOOTSTRAP_CSS.matcher(page);
        assertThat(bootstrap.find()).as("a versioned Bootstrap link in %s", page).isTrue();
        assertThat(page).contains("href=\"/css/app.css\"", "action=\"/login\"");
        mvc.perform(get(bootstrap.group(1))).andExpect(status().isOk());
    }
}
