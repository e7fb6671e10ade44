package br.com.balcao.shared.database.replica;

import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code spring.datasource.replica.url} set: the app's one {@code dataSource} bean becomes a lazy proxy over
 * the routing between it (the primary) and the replica's pool, the {@link ReadsFromReplica} marks take effect, the
 * replica is probed and shown in health. Without it none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.replica.url")
class ReplicaConfiguration {

    static final String DATA_SOURCE = "dataSource";

    @Bean(destroyMethod = "close")
    ReplicaPool replicaPool(ReplicaConnectionProperties connection) {
        return ReplicaPool.of(connection);
    }

    @Bean
    ReplicaMonitor replicaMonitor(ReplicaPool pool, ReplicaProperties properties) {
        return new ReplicaMonitor(pool.dataSource(), properties);
    }

    @Bean
    RecentWrites recentWrites(ReplicaProperties properties) {
        return new RecentWrites(properties);
    }

    /** Marks each request of a session that wrote within the window, and the session of a request that writes. */
    @Bean
    WebMvcConfigurer recentWritesOfSessions(RecentWrites writes) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // Static files and webhooks neither read the replica nor need their session looked up.
                registry.addInterceptor(writes).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**",
                        "/favicon.ico", "/webhooks/**");
            }
        };
    }

    @Bean
    ReplicaHealthIndicator replicaHealthIndicator(ReplicaMonitor monitor, ReplicaProperties properties) {
        return new ReplicaHealthIndicator(monitor, properties);
    }

    /** Flyway, JPA and everything else keep the primary: only a marked read's connection is routed. */
    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<ReplicaPool> pool, ObjectProvider<ReplicaMonitor> monitor,
                                            ObjectProvider<RecentWrites> writes) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!DATA_SOURCE.equals(name) || !(bean instanceof DataSource primary)) {
                    return bean;
                }
                return new LazyConnectionDataSourceProxy(new ReplicaRoutingDataSource(primary,
                        pool.getObject().dataSource(), monitor.getObject(), writes.getObject()));
            }
        };
    }

    /** Around the transaction's own interceptor, so that the mark is there when its first statement runs. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaReadsAdvisor() {
        ComposablePointcut marked = new ComposablePointcut(new AnnotationMatchingPointcut(ReadsFromReplica.class, true))
                .union(new AnnotationMatchingPointcut(null, ReadsFromReplica.class, true));
        MethodInterceptor interceptor = invocation -> ReplicaReads.callThrowing(invocation::proceed);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(marked, interceptor);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
