package br.com.balcao.support;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Each test application context gets a database of its own on a real PostgreSQL 17: a Testcontainers
 * container when a Docker engine answers, otherwise a fresh database on one embedded server per JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(TestPostgres.DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    @Bean
    @Conditional(TestPostgres.DockerUnavailable.class)
    DataSource dataSource() {
        return TestPostgres.newDatabase();
    }
}
