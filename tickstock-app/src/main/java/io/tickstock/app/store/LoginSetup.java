package io.tickstock.app.store;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an app start does to the login tables: the {@code admin} account and the expired sessions. Start thread. */
public final class LoginSetup {
    private static final Logger LOG = LoggerFactory.getLogger(LoginSetup.class);

    private LoginSetup() {}

    /**
     * User {@code admin}: set to {@code configured} (TICKSTOCK_ADMIN_PASSWORD) when that is given and differs (an
     * unchanged one keeps admin's sessions open), else created once with a generated password.
     *
     * @return the generated password (print it once, never log it), or null when none was generated
     * @throws IllegalArgumentException naming TICKSTOCK_ADMIN_PASSWORD when it breaks the password rules
     * @throws SQLException             when the users table cannot be read or written
     */
    public static @Nullable String ensureAdmin(Users users, @Nullable String configured) throws SQLException {
        if (configured != null && !configured.isBlank()) {
            try {
                if (!users.authenticate("admin", configured)
                        .filter(Role.ADMIN::equals)
                        .isPresent()) users.upsert("admin", configured.toCharArray(), Role.ADMIN);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TICKSTOCK_ADMIN_PASSWORD: " + e.getMessage(), e);
            }
            return null;
        }
        if (users.list().containsKey("admin")) return null; // later starts keep it (tickstock user passwd admin)
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        users.upsert("admin", generated.toCharArray(), Role.ADMIN);
        return generated;
    }

    /** Deletes the login sessions expired at {@code nowMillis} (epoch ms); a failure is logged, not thrown. */
    public static void pruneExpired(LoginSessionStore sessions, long nowMillis) {
        try {
            int n = sessions.prune(nowMillis);
            if (n > 0) LOG.info("deleted {} expired login sessions", n);
        } catch (SQLException e) {
            LOG.warn("could not prune login sessions: {}", e.getMessage());
        }
    }
}
