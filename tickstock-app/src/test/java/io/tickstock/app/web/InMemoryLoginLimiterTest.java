package io.tickstock.app.web;

import io.tickstock.app.store.InMemoryLogins;
import io.tickstock.app.store.LoginAttemptStore;

/** The login limiter contract over {@link InMemoryLogins}. */
class InMemoryLoginLimiterTest extends LoginLimiterContract {
    @Override
    LoginAttemptStore emptyStore() {
        return new InMemoryLogins();
    }
}
