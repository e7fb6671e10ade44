package br.com.balcao.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether an installation without an admin leads every page to the first-run setup ({@code balcao.setup.enabled}).
 * Off in the demo, whose data have an admin, and where the first admin is created some other way.
 */
@ConfigurationProperties("balcao.setup")
record SetupProperties(@DefaultValue("true") boolean enabled) {
}
