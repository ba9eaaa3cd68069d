package org.osteon.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.model.Model;
import org.osteon.models.BuiltInModels;
import org.osteon.sbml.ModelExport;
import org.osteon.sbml.ModelExport.Format;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ModelFiles;
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
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelCatalog catalog = ModelCatalogs.discover();
        boolean builtIn = !isFile();
        Model m = resolve(catalog);
        String text;
        try {
            text = ModelExport.write(m, builtIn ? BuiltInModels.javaParts(model) : List.of(), format);
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
                .write(out, stream -> stream.write(bytes), format.title());
        return 0;
    }

    private boolean isFile() {
        return ModelFiles.looksLikeModelFile(model) || model.contains("/");
    }

    private Model resolve(ModelCatalog catalog) {
        if (isFile()) {
            return ModelFiles.read(Path.of(model));
        }
        return catalog.model(model).orElseThrow(() -> new UserException("'" + model + "' is not a model file or a built-in model"
                + org.osteon.util.Suggestions.didYouMean(model, catalog.modelIds()) + "; see 'osteon models'"));
    }
}
