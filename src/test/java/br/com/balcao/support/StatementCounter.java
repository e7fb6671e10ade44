package br.com.balcao.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements executed at the JDBC level, whoever runs them (JdbcTemplate, Hibernate, Spring
 * Session...). Added to a test's context by {@link CountsStatements}, it wraps the application's
 * {@link DataSource} in a proxy whose connections hand out counting statements.
 * <p>
 * Only the statements executed on the thread that called {@link #start()} are counted, so that the
 * scheduled sweeps running meanwhile on their own threads do not disturb the count. A MockMvc request runs
 * on the test's thread.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private volatile Thread counting;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    /** Forgets what was counted and counts from now on, on the calling thread only. */
    public void start() {
        statements.clear();
        counting = Thread.currentThread();
    }

    /** Stops counting; answers how many statements ran since {@link #start()}. */
    public int stop() {
        counting = null;
        return statements.size();
    }

    /** The statements counted since the last {@link #start()}, in the order they ran. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return method.getName().equals("getConnection") ? connection((Connection) result) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Statement statement && (method.getName().equals("createStatement")
                    || method.getName().startsWith("prepare"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(method.getReturnType(), statement, sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private Statement statement(Class<?> type, Statement statement, String preparedSql) {
        Class<Statement> face = (Class<Statement>) (CallableStatement.class.isAssignableFrom(type) ? CallableStatement.class
                : PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class);
        return proxy(face, statement, (target, method, args) -> {
            if (EXECUTING.contains(method.getName()) && Thread.currentThread() == counting) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                statements.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
            }
            return method.invoke(target, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> face, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            try {
                return handler.handle(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return face.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {face},
                invocation));
    }
}
