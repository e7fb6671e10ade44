package br.com.balcao.shared.database.replica;

import java.time.Duration;
import java.time.Instant;

/**
 * What the last probe found: where the reads that tolerate lag go, the replica's lag when it was measured (null
 * when it could not be), and why the reads are on the primary (null when they are on the replica).
 */
record ReplicaStatus(ReadsOn readsOn, Duration lag, String reason, Instant checkedAt) {

    enum ReadsOn { REPLICA, PRIMARY }

    static ReplicaStatus notYetProbed() {
        return new ReplicaStatus(ReadsOn.PRIMARY, null, "not probed yet", Instant.now());
    }

    static ReplicaStatus onReplica(Duration lag) {
        return new ReplicaStatus(ReadsOn.REPLICA, lag, null, Instant.now());
    }

    static ReplicaStatus onPrimary(Duration lag, String reason) {
        return new ReplicaStatus(ReadsOn.PRIMARY, lag, reason, Instant.now());
    }

    boolean servesReads() {
        return readsOn == ReadsOn.REPLICA;
    }
}
