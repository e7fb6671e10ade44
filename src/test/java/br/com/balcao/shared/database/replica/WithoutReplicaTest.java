package br.com.balcao.shared.database.replica;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/** Without {@code spring.datasource.replica.url} (the shared test context): one data source, nothing routed. */
@IntegrationTest
class WithoutReplicaTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Test
    void theAppKeepsItsOneDataSourceAndNoReplicaBeanExists() {
        assertThat(dataSource).isNotInstanceOf(LazyConnectionDataSourceProxy.class);
        assertThat(context.getBeanNamesForType(ReplicaMonitor.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ReplicaPool.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RecentWrites.class)).isEmpty();
        assertThat(context.containsBean("replicaHealthIndicator")).isFalse();
    }
}
