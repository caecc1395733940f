package io.tickstock.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.app.store.InMemoryLogins;
import io.tickstock.app.store.LoginSessionStore;
import io.tickstock.app.store.Role;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token cache: junk cookies cannot flush a signed-in user's entry (seen while the session store is down). */
class AuthTest {
    /** The in-memory store behind a switch that makes every call fail, as PostgreSQL does when it is down. */
    static final class Switchable implements LoginSessionStore {
        final InMemoryLogins store = new InMemoryLogins();
        volatile boolean down;

        private void check() throws SQLException {
            if (down) throw new SQLException("connection refused", "08001");
        }

        @Override
        public String open(String username, long expiresAtMillis) throws SQLException {
            check();
            return store.open(username, expiresAtMillis);
        }

        @Override
        public Optional<Session> find(String token, long nowMillis) throws SQLException {
            check();
            return store.find(token, nowMillis);
        }

        @Override
        public void touch(String token, long nowMillis) throws SQLException {
            check();
            store.touch(token, nowMillis);
        }

        @Override
        public void close(String token) throws SQLException {
            check();
            store.close(token);
        }

        @Override
        public int prune(long nowMillis) throws SQLException {
            check();
            return store.prune(nowMillis);
        }

        @Override
        public long count(long nowMillis) throws SQLException {
            check();
            return store.count(nowMillis);
        }
    }

    @Test
    void junkCookiesDoNotFlushASignedInUsersEntry() throws Exception {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        Switchable sessions = new Switchable();
        sessions.store.add("alice", "alice-password".toCharArray(), Role.USER);
        Auth auth = new Auth(sessions.store, sessions, sessions.store, clock::get, null, false);
        String token = sessions.open("alice", clock.get() + Auth.SESSION_MILLIS);
        for (int i = 0; i < 3 * Auth.CACHED_TOKENS; i++) {
            if (i % 500 == 0) assertThat(auth.user(token)).isPresent(); // alice goes on browsing meanwhile
            assertThat(auth.user("junk-" + i)).isEmpty();
        }
        clock.addAndGet(Auth.RECHECK_MILLIS);
        sessions.down = true;
        assertThat(auth.user(token))
                .as("still cached: valid while the store is down")
                .map(Auth.Login::user)
                .contains("alice");
    }
}
