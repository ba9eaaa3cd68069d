package org.osteon.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osteon.trajectory.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code osteon} command. */
@Command(name = "osteon", mixinStandardHelpOptions = true, version = "osteon 0.1.0",
        description = "Simulate bone remodelling governed by RANK/RANKL/OPG signalling.",
        subcommands = {ModelsCommand.class, ScenariosCommand.class, DescribeCommand.class, RunCommand.class,
            SteadyCommand.class, CompareCommand.class, ScanCommand.class, SensitivityCommand.class,
            ValidateCommand.class, ExplainCommand.class, PathwayCommand.class, ServeCommand.class,
            ConformanceCommand.class, ExportCommand.class, FitCommand.class,
            PopulationCommand.class, GsaCommand.class,
            CommandLine.HelpCommand.class})
public final class Osteon implements Runnable {
    /** Exit code for a simulation that fails (solver error). */
    public static final int EXIT_SIMULATION_FAILED = 1;
    /** Exit code for a user mistake: bad arguments, files or values. */
    public static final int EXIT_USER_ERROR = 2;
    /** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
    public static final int EXIT_INTERRUPTED = 130;
    /** How long Ctrl-C waits for the command to stop at its next check before the JVM halts anyway. */
    private static final long STOP_WAIT_SECONDS = 5;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Session session;

    Osteon(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Session session = Session.forConsole(err, System.console() != null);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: ask the command to stop, give it time to finish the run or write in progress,
        // then remove temporary files of writes that did not finish. No partial file survives.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.cancel();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            AtomicFiles.deleteUnfinished();
        }, "osteon-interrupt"));
        int code;
        try {
            code = execute(args, out, err, session);
        } finally {
            finished.countDown();
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Session.quiet());
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err, Session session) {
        CommandLine cl = new CommandLine(new Osteon(session));
        HelpLayout.apply(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        // Every number option of every command: finite or refused by name (no Infinity, NaN or 1e400).
        CommandLine.ITypeConverter<Double> finite = text -> {
            try {
                return org.osteon.util.FiniteNumbers.parse(text);
            } catch (org.osteon.util.FiniteNumbers.NotFinite e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
        cl.registerConverter(Double.class, finite);
        cl.registerConverter(double.class, finite);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("osteon: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            suggestWhenPicocliCannot(ex);
            ex.getCommandLine().getErr().println("Try 'osteon " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return EXIT_USER_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Not a bug to report with a stack trace: the input is beyond what this JVM can hold (docs/limits.md).
            err.println("osteon: " + (e instanceof StackOverflowError
                    ? "the input is nested too deeply to process (an expression thousands of levels deep?)"
                    : "out of memory: the model or the run is too large (see docs/limits.md; more memory with"
                            + " OSTEON_JAVA_OPTS=-Xmx8g)"));
            return EXIT_USER_ERROR;
        } finally {
            session.endProgress();
            out.flush();
            err.flush();
        }
    }

    /**
     * Picocli misses transposed letters ("sacn"), or suggests something further away ("gsa" for
     * "sacn"); the edit distance used everywhere else is added when picocli did not name it.
     */
    private static void suggestWhenPicocliCannot(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return;
        }
        String arg = u.getUnmatched().get(0);
        CommandLine cl = ex.getCommandLine();
        java.util.Collection<String> names = arg.startsWith("-") ? cl.getCommandSpec().optionsMap().keySet()
                : cl.getSubcommands().keySet();
        org.osteon.util.Suggestions.closest(arg, names).filter(c -> u.getSuggestions().stream().noneMatch(
                s -> s.equals(c) || s.endsWith(" " + c))).ifPresent(c -> cl.getErr().println("Did you mean: " + c + "?"));
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandName();
        return name.equals("osteon") ? "" : name + " ";
    }
}
