package br.com.balcao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@link IntegrationTest}: the context also counts SQL statements ({@link StatementCounter}, at the JDBC
 * level) and keeps Hibernate's statistics. One context for every statement-count test, apart from the shared one:
 * the counting proxy around the {@code DataSource} is not for the other tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(StatementCounter.class)
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
public @interface CountsStatements {
}
