package io.tickstock.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.app.store.AppDatabase;
import io.tickstock.app.store.Role;
import io.tickstock.app.store.Users;
import io.tickstock.contract.DatabaseUrl;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock user add|passwd|remove|list}: the dashboard's users in the {@code users} table (bcrypt hashes).
 * The password comes from TICKSTOCK_USER_PASSWORD, else is asked twice on the terminal (not echoed), else is
 * read as one line from standard input.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {
            "Add, change the password of, remove or list dashboard users, in the PostgreSQL of TICKSTOCK_DATABASE_URL "
                    + "(else the embedded one under ~/.tickstock/postgres, which must not be in use by a running app).",
            "Passwords: TICKSTOCK_USER_PASSWORD, else asked on the terminal, else one line of standard input."
        })
public final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "add, passwd, remove or list")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "user name")
    String name;

    @Option(
            names = "--role",
            description = "admin or user (add only; default: ${DEFAULT-VALUE}); admins may start and stop sessions.",
            defaultValue = "user")
    String role;

    @Override
    public Integer call() throws Exception {
        if (!Arrays.asList("add", "passwd", "remove", "list").contains(action)) {
            throw new ParameterException(
                    spec.commandLine(), "action must be add, passwd, remove or list, was '" + action + "'");
        }
        if (!action.equals("list") && name == null)
            throw new ParameterException(spec.commandLine(), action + " needs a user name");
        String url = System.getenv("TICKSTOCK_DATABASE_URL");
        EmbeddedPostgresServer embedded = null;
        try {
            DatabaseUrl db;
            if (url != null && !url.isBlank()) {
                db = DatabaseUrl.parse(url);
            } else {
                embedded = new EmbeddedPostgresServer(
                        Path.of(System.getProperty("user.home"), ".tickstock", "postgres"), false, 0);
                db = embedded.databaseUrl();
            }
            try (HikariDataSource ds = AppDatabase.open(db)) {
                return run(new Users(ds));
            }
        } finally {
            if (embedded != null) embedded.close();
        }
    }

    private int run(Users users) throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean done;
        try {
            switch (action) {
                case "list" -> {
                    users.list().forEach((u, r) -> out.println(u + "\t" + r.label));
                    return 0;
                }
                case "add" -> {
                    done = users.add(name, password(), Role.of(role));
                    if (!done) err.println("user '" + name + "' exists: use 'tickstock user passwd " + name + "'");
                }
                case "passwd" -> {
                    done = users.passwd(name, password());
                    if (!done) err.println("no user '" + name + "': use 'tickstock user add " + name + "'");
                }
                default -> {
                    done = users.remove(name);
                    if (!done) err.println("no user '" + name + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (done)
            out.println(
                    switch (action) {
                        case "add" -> "added " + name + " (" + role + ")";
                        case "passwd" ->
                            "password of " + name + " changed (sessions already open stay open until they expire)";
                        default -> "removed " + name;
                    });
        return done ? 0 : 1;
    }

    private char[] password() throws IOException {
        String env = System.getenv("TICKSTOCK_USER_PASSWORD");
        if (env != null && !env.isEmpty()) return env.toCharArray();
        Console console = Terminal.console();
        if (console != null) {
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, again))
                throw new IllegalArgumentException("the passwords differ");
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null)
            throw new IllegalArgumentException("no password: set TICKSTOCK_USER_PASSWORD or pipe it on standard input");
        return line.toCharArray();
    }
}
