package br.com.balcao.security;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** Sessions in PostgreSQL (Spring Session JDBC), shared by every instance of the app. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Session attributes written with PostgreSQL's upsert: concurrent requests of a fresh session (tabs opened at
     * once after signing in) each add the same attribute, and a plain INSERT failed all but the first with 500.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Plain JDBC transactions for the sessions' JDBC statements, read on every request: the application's JPA
     * transaction manager opened a Hibernate session around each of them for nothing. Injected only where named,
     * so that the application's own transaction template (auto-configured, by the JPA manager) stays.
     */
    @Bean(name = "springSessionTransactionOperations", defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }
}
