package io.tickstock.cli;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code tickstock} command; adds the {@link CommandExtension}s found on the class path. */
@Command(
        name = "tickstock",
        mixinStandardHelpOptions = true,
        version = "TickStock 0.1.0",
        description = "Real-time market analytics: trades to bars, indicators, candlestick patterns and alerts, "
                + "streamed to Redis, PostgreSQL and a live browser dashboard.",
        subcommands = {
            DemoCommand.class,
            EngineCommand.class,
            AppCommand.class,
            AnalyzeCommand.class,
            FakeMassiveCommand.class,
            SessionCommand.class,
            PublishCommand.class,
            MonitorCommand.class,
            BacktestCommand.class,
            BacktestWorkerCommand.class,
            IngestCommand.class,
            UserCommand.class,
            FuzzCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TickStockCli {
    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            Throwable t = e;
            while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
            c.getErr()
                    .println("tickstock: "
                            + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            LoggerFactory.getLogger(TickStockCli.class).debug("failure", e);
            return 1;
        });
        System.exit(cmd.execute(args));
    }

    /** The command with its built-in subcommands and every {@link CommandExtension} on the class path. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new TickStockCli());
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) cmd.addSubcommand(extension);
        return cmd;
    }
}
