package io.tickstock.cli;

import java.io.Console;
import org.jspecify.annotations.Nullable;

/**
 * Whether standard input and output are an interactive terminal (progress lines with carriage returns, password
 * prompts) or a pipe, a file or CI. On JDK 22 and newer {@link System#console()} returns a console even then, so
 * {@code Console.isTerminal()} (JDK 22+, called reflectively: TickStock targets release 21) decides.
 */
final class Terminal {
    private Terminal() {}

    /** The console when it is an interactive terminal, else null. */
    @SuppressWarnings("SystemConsoleNull") // the null check is for JDK 21; isTerminal() decides on 22+
    static @Nullable Console console() {
        Console c = System.console();
        if (c == null) return null;
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(c) ? c : null;
        } catch (ReflectiveOperationException e) {
            return c; // JDK 21: a console exists only for a terminal
        }
    }

    static boolean interactive() {
        return console() != null;
    }
}
