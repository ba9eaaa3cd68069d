package org.osteon.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code osteon} command. */
@Command(name = "osteon", mixinStandardHelpOptions = true, version = "osteon 0.1.0",
        description = "Simulate bone remodelling governed by RANK/RANKL/OPG signalling.",
        subcommands = {RunCommand.class, SteadyCommand.class, ExplainCommand.class, PathwayCommand.class,
                CommandLine.HelpCommand.class})
public final class Osteon implements Runnable {
    /** Exit code for a simulation that fails (solver error). */
    public static final int EXIT_SIMULATION_FAILED = 1;
    /** Exit code for a user mistake: bad arguments, files or values. */
    public static final int EXIT_USER_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Osteon());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("osteon: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("Try 'osteon " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return EXIT_USER_ERROR;
        });
        return cl.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandName();
        return name.equals("osteon") ? "" : name + " ";
    }
}
