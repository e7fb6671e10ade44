package br.com.balcao.shared;

import java.sql.Timestamp;
import java.time.Instant;

/** Reading the database's nullable timestamps as instants. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant of a column that may be NULL. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
