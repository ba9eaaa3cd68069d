package org.osteon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command-line entry point in-process and captures its streams and exit code. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Osteon.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
