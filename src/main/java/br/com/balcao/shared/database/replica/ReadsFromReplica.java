package br.com.balcao.shared.database.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reads of the annotated class or method tolerate a replica's small lag: when a read replica is configured
 * ({@code spring.datasource.replica.url}), healthy, and the request has not just written, their connections come
 * from the replica. A bean that cannot be proxied (a record) says the same with {@link ReplicaReads#call}.
 * Without a replica the annotation does nothing. docs/scaling.md, "Read replicas (what runs now)".
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadsFromReplica {
}
