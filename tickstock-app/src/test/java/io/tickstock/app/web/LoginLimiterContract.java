package io.tickstock.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.app.store.LoginAttemptStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the {@link LoginLimiter} must do over every {@link LoginAttemptStore} (in memory and PostgreSQL): the address
 * and name limits, failures not attempts, no lock-out of the owner, atomic counting under parallel attempts, pruning,
 * and limits shared by two limiters on one store (two app instances on one database). Times from a clock the test
 * moves.
 */
abstract class LoginLimiterContract {
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    LoginAttemptStore store;
    LoginLimiter limiter;

    /** An empty store. */
    abstract LoginAttemptStore emptyStore() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        store = emptyStore();
        limiter = new LoginLimiter(store, now::get);
    }

    @Test
    void anAddressGetsTenAttemptsAMinute() throws Exception {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++)
            assertThat(limiter.tryAttempt("10.0.0.1", "u" + i)).isZero();
        assertThat(limiter.tryAttempt("10.0.0.1", "other")).isEqualTo(60);
        assertThat(limiter.tryAttempt("10.0.0.2", "other"))
                .as("another address")
                .isZero();
        now.addAndGet(60_000);
        assertThat(limiter.tryAttempt("10.0.0.1", "other"))
                .as("the window expired")
                .isZero();
    }

    @Test
    void aNameIsLimitedAcrossAddressesButNeverForAnAddressWithoutFailures() throws Exception {
        for (int i = 0; i < LoginLimiter.PER_USER; i++)
            assertThat(limiter.tryAttempt("10.0.1." + i, "admin")).isZero();
        assertThat(limiter.tryAttempt("10.0.1.0", "admin"))
                .as("an address that failed, at the name's limit")
                .isPositive();
        assertThat(limiter.tryAttempt("10.0.1.0", "bob"))
                .as("the refused attempt did not count against the address")
                .isZero();
        assertThat(limiter.tryAttempt("10.0.2.1", "admin"))
                .as("the owner, from an address without failures: others' guesses do not lock them out")
                .isZero();
        limiter.succeeded("10.0.2.1", "admin");
        assertThat(limiter.tryAttempt("10.0.2.2", "admin")).isZero(); // a fresh address's one try, which fails:
        assertThat(limiter.tryAttempt("10.0.2.2", "admin"))
                .as("now it has a failure, and the name's limit holds for it")
                .isPositive();
    }

    @Test
    void anotherAccountsSuccessDoesNotClearTheFailures() throws Exception {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS - 1; i++)
            limiter.tryAttempt("10.0.0.1", "victim"); // nine failures
        assertThat(limiter.tryAttempt("10.0.0.1", "attacker")).isZero();
        limiter.succeeded("10.0.0.1", "attacker"); // the attacker's own account: only that attempt is taken back
        assertThat(limiter.tryAttempt("10.0.0.1", "victim")).isZero();
        assertThat(limiter.tryAttempt("10.0.0.1", "victim"))
                .as("ten failures from the address")
                .isPositive();
    }

    @Test
    void parallelAttemptsAreCountedBeforeAnyPasswordCheck() throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                if (limiter.tryAttempt("10.9.9.9", "admin") == 0) allowed.incrementAndGet();
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : attempts) f.get(); // an attempt that threw fails the test
        assertThat(allowed.get()).isEqualTo(LoginLimiter.PER_ADDRESS);
    }

    @Test
    void expiredEntriesArePruned() throws Exception {
        for (int i = 0; i < 500; i++) limiter.tryAttempt("10.1." + (i / 250) + "." + (i % 250), "user" + i);
        assertThat(limiter.tracked()).isEqualTo(1_000);
        now.addAndGet(LoginLimiter.USER_WINDOW_MILLIS + 1);
        limiter.tryAttempt("10.2.0.1", "x");
        assertThat(limiter.tracked()).isEqualTo(2);
        assertThat(store.pruneAttempts(now.get()))
                .as("the expired keys were deleted, not only hidden")
                .isZero();
    }

    @Test
    void twoAppInstancesOnOneStoreShareTheLimits() throws Exception {
        LoginLimiter other = new LoginLimiter(store, now::get);
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++)
            assertThat((i % 2 == 0 ? limiter : other).tryAttempt("10.3.0.1", "u" + i))
                    .isZero();
        assertThat(other.tryAttempt("10.3.0.1", "u"))
                .as("the address's tenth failure was on the other instance")
                .isEqualTo(60);
        assertThat(limiter.tryAttempt("10.3.0.1", "u")).isEqualTo(60);
    }
}
