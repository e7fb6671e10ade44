package br.com.balcao.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * HMAC keys the app makes for itself on first use and keeps in the database (signing_keys), so that every
 * instance, before and after a restart, signs and checks alike. Nothing to configure, nothing in the repository.
 */
@Component
class SigningKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> loaded = new ConcurrentHashMap<>();

    SigningKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    SecretKeySpec hmacSha256(String purpose) {
        return loaded.computeIfAbsent(purpose, this::loadOrCreate);
    }

    /** Instances starting together may each insert a key: the first one stored wins, and all read that one. */
    private SecretKeySpec loadOrCreate(String purpose) {
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        jdbc.update("INSERT INTO signing_keys (purpose, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (purpose) DO NOTHING",
                purpose, fresh, Timestamp.from(clock.instant()));
        byte[] secret = jdbc.queryForObject("SELECT secret FROM signing_keys WHERE purpose = ?", byte[].class, purpose);
        return new SecretKeySpec(secret, "HmacSHA256");
    }
}
