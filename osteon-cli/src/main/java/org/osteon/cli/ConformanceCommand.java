package org.osteon.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.osteon.sbml.conformance.CaseResult;
import org.osteon.sbml.conformance.ConformanceReport;
import org.osteon.sbml.conformance.ConformanceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code osteon conformance}: runs SBML Test Suite semantic cases and reports pass/fail per case and tag. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run SBML Test Suite semantic cases: DIR is the suite (with semantic/), its semantic/ folder,",
                "or one case folder (NNNNN/). Each case's Level 3 Version 2 model (else Level 2 Version 4) is",
                "simulated with the case's settings and judged by the suite's rule |simulated - expected| <=",
                "absolute + relative * |expected|. Writes one row per case (case,result,reason; result pass, fail,",
                "unsupported or error) and prints a table per tag."})
final class ConformanceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "SBML Test Suite directory, its semantic/ folder, or one case folder.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "results CSV (case,result,reason); default: results.csv")
    Path out = Path.of("results.csv");

    @Option(names = "--threads", paramLabel = "N", description = "cases run at once (default: the number of processors)")
    Integer threads;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": not a directory (give the SBML Test Suite folder or one of its case folders)");
        }
        List<Path> cases = ConformanceRunner.caseDirectories(dir);
        if (cases.isEmpty()) {
            throw new UserException(dir + ": no case folders (NNNNN/) found");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new UserException("--threads must be at least 1, found " + n);
        }
        org.osteon.analysis.Monitor monitor = root.session().monitor("conformance");
        AtomicInteger done = new AtomicInteger();
        List<CaseResult> results;
        try {
            results = ConformanceRunner.runAll(cases, n, r -> monitor.progress(done.incrementAndGet(), cases.size()));
        } finally {
            root.session().endProgress();
        }
        new OutputFiles(root.session(), stdout, spec.commandLine().getErr(), List.of()).write(out, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            ConformanceReport.writeCsv(results, w);
            w.flush();
        }, results.size() + " cases");
        stdout.print(ConformanceReport.table(results));
        stdout.flush();
        return 0;
    }
}
