package org.osteon.cli;

import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import org.osteon.compile.CompileException;
import org.osteon.scenario.ScenarioException;
import org.osteon.solve.SolverException;
import org.osteon.text.ModelSyntaxException;
import picocli.CommandLine;

/**
 * Maps failures to exit codes and one readable message: user mistakes exit 2, solver failures
 * exit 1, Ctrl-C 130. Stack traces only with {@code --debug}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        boolean debug = parse.matchedOption("--debug") != null
                || (parse.subcommand() != null && parse.subcommand().matchedOption("--debug") != null);
        java.io.PrintWriter err = cl.getErr();
        int code;
        String message;
        if (ex instanceof CancellationException) {
            code = Osteon.EXIT_INTERRUPTED;
            message = "interrupted; files already written are complete, nothing partial was left";
        } else if (ex instanceof SolverException se) {
            code = Osteon.EXIT_SIMULATION_FAILED;
            message = "simulation failed: " + se.getMessage();
        } else if (ex instanceof CompileException ce) {
            code = Osteon.EXIT_USER_ERROR;
            message = "model '" + ce.getMessage().replaceFirst("^model '([^']*)': .*", "$1") + "' cannot be compiled:\n  "
                    + String.join("\n  ", ce.problems());
        } else if (ex instanceof java.io.IOException) {
            // Files the user named: unwritable places, unreadable inputs. The message names the file.
            code = Osteon.EXIT_USER_ERROR;
            message = ex instanceof org.osteon.trajectory.OutputFileException || ex.getMessage() == null
                    ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + ex.getClass().getSimpleName() + ")";
        } else if (ex instanceof ScenarioException || ex instanceof ModelSyntaxException || ex instanceof UserException
                || ex instanceof IllegalArgumentException || ex instanceof NoSuchElementException) {
            code = Osteon.EXIT_USER_ERROR;
            message = ex.getMessage();
        } else {
            code = 3;
            message = "internal error: " + ex + (debug ? "" : " (run with --debug for details)");
        }
        err.println("osteon: " + message);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
