package io.tickstock.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.app.store.AppDatabase;
import io.tickstock.app.store.Role;
import io.tickstock.app.store.Users;
import io.tickstock.app.stream.WebSocketHub;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.testkit.AppHttp;
import java.util.ArrayList;
import java.util.List;

/**
 * The session cookies a load of browser clients signs in with: the app holds at most
 * {@value WebSocketHub#MAX_SOCKETS_PER_USER} WebSockets per user, so {@code clients} clients need one user per that
 * many ({@code bench-1}, {@code bench-2}, …, created with {@code password}). Client {@code i} uses cookie
 * {@code i / MAX_SOCKETS_PER_USER}.
 */
final class BenchLogins {
    private BenchLogins() {}

    /**
     * @throws IllegalStateException when a login fails
     */
    static List<String> cookies(int port, DatabaseUrl database, String password, int clients) throws Exception {
        int users = (clients + WebSocketHub.MAX_SOCKETS_PER_USER - 1) / WebSocketHub.MAX_SOCKETS_PER_USER;
        List<String> cookies = new ArrayList<>();
        try (HikariDataSource db = AppDatabase.open(database)) {
            Users store = new Users(db);
            for (int u = 1; u <= users; u++) {
                store.upsert("bench-" + u, password.toCharArray(), Role.USER);
                cookies.add(AppHttp.login(port, "bench-" + u, password)
                        .orElseThrow(() -> new IllegalStateException("bench login failed")));
            }
        }
        return cookies;
    }

    /** The cookie of client {@code i}. */
    static String of(List<String> cookies, int i) {
        return cookies.get(i / WebSocketHub.MAX_SOCKETS_PER_USER);
    }
}
