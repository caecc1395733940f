package io.tickstock.cli;

/**
 * A {@code tickstock} subcommand that lives in another module and is found at run time on the class path through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.tickstock.cli.CommandExtension} entry), so the CLI
 * does not depend on that module: {@code tickstock bench} (tickstock-bench, with JMH and ta4j) is one. The
 * implementation is a picocli {@code @Command} with a public no-argument constructor.
 */
public interface CommandExtension {}
