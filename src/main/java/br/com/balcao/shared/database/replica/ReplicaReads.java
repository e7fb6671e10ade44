package br.com.balcao.shared.database.replica;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the reads made on this thread inside {@link #call} as tolerating the replica's lag; what {@link
 * ReadsFromReplica} does for a proxied bean. The mark only asks: the connection goes to the replica when the
 * routing also finds the replica healthy and the request without a recent write.
 */
public final class ReplicaReads {

    private static final ThreadLocal<Boolean> TOLERATES_LAG = new ThreadLocal<>();

    private ReplicaReads() {
    }

    public static <T> T call(Supplier<T> reads) {
        return ReplicaReads.<T, RuntimeException>callThrowing(reads::get);
    }

    /** Like {@link #call}, for code that throws checked exceptions (the interceptor's invocation). */
    static <T, E extends Throwable> T callThrowing(Reads<T, E> reads) throws E {
        // Inside a transaction that may write, a replica connection would take its writes: leave it on the primary.
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return reads.read();
        }
        Boolean outer = TOLERATES_LAG.get();
        TOLERATES_LAG.set(Boolean.TRUE);
        try {
            return reads.read();
        } finally {
            if (outer == null) {
                TOLERATES_LAG.remove();
            }
        }
    }

    static boolean requested() {
        return TOLERATES_LAG.get() != null;
    }

    @FunctionalInterface
    interface Reads<T, E extends Throwable> {
        T read() throws E;
    }
}
