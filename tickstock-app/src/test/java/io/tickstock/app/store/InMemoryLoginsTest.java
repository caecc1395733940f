package io.tickstock.app.store;

/** The login store contract on {@link InMemoryLogins}. */
class InMemoryLoginsTest extends LoginStoreContract {
    @Override
    void emptyStores() {
        InMemoryLogins logins = new InMemoryLogins();
        users = logins;
        sessions = logins;
    }
}
