package io.tickstock.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserStore} and {@link LoginSessionStore} must do, run against each implementation (in memory and
 * PostgreSQL): the password rules, authentication, sessions with their expiry, and sessions ended by a password change,
 * a replaced user and a removed user. Times are epoch ms given by the test.
 */
abstract class LoginStoreContract {
    static final long NOW = 1_700_000_000_000L, HOUR = 3_600_000L;

    UserStore users;
    LoginSessionStore sessions;

    /** Empty stores: the users store and the sessions store over the same users. */
    abstract void emptyStores() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        emptyStores();
    }

    @Test
    void usersAreAddedOnceAndAuthenticatedByTheirPassword() throws Exception {
        assertThat(users.add("alice", "alice-password".toCharArray(), Role.USER))
                .isTrue();
        assertThat(users.add("alice", "other-password".toCharArray(), Role.ADMIN))
                .as("exists")
                .isFalse();
        users.upsert("admin", "admin-password".toCharArray(), Role.ADMIN);

        assertThat(users.authenticate("alice", "alice-password")).contains(Role.USER);
        assertThat(users.authenticate("alice", "other-password")).isEmpty();
        assertThat(users.authenticate("nobody", "alice-password")).isEmpty();
        assertThat(users.list()).isEqualTo(Map.of("admin", Role.ADMIN, "alice", Role.USER));
        assertThat(users.list().keySet()).containsExactly("admin", "alice");
    }

    @Test
    void namesAndPasswordsFollowTheRules() {
        assertThatThrownBy(() -> users.add("bad name", "long-enough".toCharArray(), Role.USER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> users.add("bob", "short".toCharArray(), Role.USER))
                .hasMessageContaining("at least 8");
        String tooLong = "é".repeat(37); // 74 bytes of UTF-8: bcrypt would read 72
        assertThatThrownBy(() -> users.add("bob", tooLong.toCharArray(), Role.USER))
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> users.authenticate("bob", tooLong)).hasMessageContaining("72 bytes");
    }

    @Test
    void aSessionLivesUntilItsExpiryOrItsLogout() throws Exception {
        users.add("alice", "alice-password".toCharArray(), Role.USER);
        String token = sessions.open("alice", NOW + HOUR);
        String other = sessions.open("alice", NOW + 2 * HOUR);

        assertThat(token).hasSize(43).isNotEqualTo(other);
        assertThat(sessions.find(token, NOW)).contains(new LoginSessionStore.Session("alice", Role.USER, NOW + HOUR));
        assertThat(sessions.find(token, NOW + HOUR)).as("expired").isEmpty();
        assertThat(sessions.find("not-a-token", NOW)).isEmpty();
        sessions.touch(token, NOW + 1);
        assertThat(sessions.count(NOW)).isEqualTo(2);

        sessions.close(token);
        assertThat(sessions.find(token, NOW)).isEmpty();
        assertThat(sessions.find(other, NOW)).isPresent();
        assertThat(sessions.prune(NOW + 2 * HOUR)).isEqualTo(1);
        assertThat(sessions.count(NOW)).isZero();
    }

    @Test
    void aPasswordChangeOrANewRoleOrRemovalEndsTheUsersSessions() throws Exception {
        users.add("alice", "alice-password".toCharArray(), Role.USER);
        users.add("bob", "bob-password".toCharArray(), Role.USER);
        String alice = sessions.open("alice", NOW + HOUR), bob = sessions.open("bob", NOW + HOUR);

        assertThat(users.passwd("alice", "alice-password-2".toCharArray())).isTrue();
        assertThat(sessions.find(alice, NOW)).isEmpty();
        assertThat(sessions.find(bob, NOW)).as("another user's session").isPresent();
        assertThat(users.authenticate("alice", "alice-password-2")).contains(Role.USER);
        assertThat(users.passwd("nobody", "some-password".toCharArray())).isFalse();

        String again = sessions.open("alice", NOW + HOUR);
        users.upsert("alice", "alice-password-3".toCharArray(), Role.ADMIN);
        assertThat(sessions.find(again, NOW)).isEmpty();
        assertThat(users.authenticate("alice", "alice-password-3")).contains(Role.ADMIN);

        assertThat(users.remove("bob")).isTrue();
        assertThat(users.remove("bob")).isFalse();
        assertThat(sessions.find(bob, NOW)).isEmpty();
        assertThat(users.list()).containsOnlyKeys("alice");
    }
}
