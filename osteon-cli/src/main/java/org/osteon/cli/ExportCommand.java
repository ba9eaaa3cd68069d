package org.osteon.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteon.compile.CompileOptions;
import org.osteon.model.Model;
import org.osteon.models.BuiltInCatalog;
import org.osteon.sbml.SbmlWriter;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ModelFiles;
import org.osteon.text.AntimonyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code osteon export}: a model as SBML Level 3 Version 2 or as Antimony text. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a model (built-in id, .ant or SBML file) as SBML Level 3 Version 2 (units, names,",
                "notes, and Osteon's metadata in an annotation) or as Antimony text. Models with parts implemented",
                "in Java (an external function, an extension such as a mineralisation queue) are refused, naming",
                "the part: neither format can express them."})
final class ExportCommand implements Callable<Integer> {
    enum Format { SBML, ANTIMONY }

    @Parameters(index = "0", paramLabel = "MODEL", description = "Built-in model id, or a model file (.ant, .xml, .sbml).")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
            description = "sbml or antimony")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "file to write; default: standard output")
    Path out;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown format '" + value + "'; use sbml or antimony");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelCatalog catalog = ModelCatalogs.discover();
        Model m = resolve(catalog);
        String text;
        try {
            text = format == Format.SBML ? SbmlWriter.write(m) : AntimonyWriter.write(m);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new OutputFiles(root.session(), stdout, spec.commandLine().getErr(), List.of())
                .write(out, stream -> stream.write(bytes), format == Format.SBML ? "SBML Level 3 Version 2" : "Antimony");
        return 0;
    }

    private Model resolve(ModelCatalog catalog) {
        if (ModelFiles.looksLikeModelFile(model) || model.contains("/")) {
            return ModelFiles.read(Path.of(model));
        }
        Model m = catalog.model(model).orElseThrow(() -> new UserException("'" + model + "' is not a model file or a built-in model"
                + org.osteon.util.Suggestions.didYouMean(model, catalog.modelIds()) + "; see 'osteon models'"));
        List<String> parts = javaParts(model);
        if (!parts.isEmpty()) {
            throw new UserException("model '" + model + "' cannot be exported as " + (format == Format.SBML ? "SBML" : "Antimony")
                    + ": it has parts implemented in Java, which the format cannot express: " + String.join(", ", parts));
        }
        return m;
    }

    /** The Java parts a built-in model is compiled with: external functions and extensions. */
    static List<String> javaParts(String id) {
        List<String> parts = new ArrayList<>();
        java.util.ServiceLoader.load(ModelCatalog.class).stream().map(java.util.ServiceLoader.Provider::get)
                .filter(BuiltInCatalog.class::isInstance).map(BuiltInCatalog.class::cast)
                .flatMap(b -> b.descriptor(id).stream()).findFirst().ifPresent(d -> {
                    CompileOptions options = d.options().get();
                    options.functions().keySet().stream().sorted().forEach(f -> parts.add("external function '" + f + "'"));
                    options.extensions().forEach(e -> parts.add("extension " + e.getClass().getSimpleName()
                            + " (hidden memory and events)"));
                });
        return parts;
    }
}
