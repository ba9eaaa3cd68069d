import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteon.model.Model;
import org.osteon.model.UnitDefinition;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyWriter;

/**
 * Writes models through Osteon's AntimonyWriter for tools/libantimony/check.sh, run as a
 * single-file program on the command-line jar:
 *
 *   java -cp osteon-cli/target/osteon.jar tools/libantimony/WriteAntimony.java OUT_DIR [MODEL...]
 *
 * MODEL is a built-in model id or an Antimony file; without any, every built-in model. For each
 * model it writes OUT_DIR/NAME.txt (the Antimony text) and OUT_DIR/NAME.units (one unit
 * definition per line: id multiplier unit:exponent ..., for the unit check).
 */
public class WriteAntimony {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        ModelCatalog catalog = ModelCatalogs.discover();
        List<String> models = new ArrayList<>(List.of(args).subList(1, args.length));
        if (models.isEmpty()) {
            models.addAll(catalog.modelIds());
        }
        for (String ref : models) {
            Model m = catalog.model(ref).orElse(null);
            String name = ref;
            if (m == null) {
                Path file = Path.of(ref);
                m = AntimonyReader.read(file);
                name = file.getFileName().toString().replaceAll("\\.[^.]*$", "");
            }
            Files.writeString(out.resolve(name + ".txt"), AntimonyWriter.write(m));
            StringBuilder units = new StringBuilder();
            for (UnitDefinition u : m.units()) {
                units.append(u.id()).append(' ').append(u.multiplier());
                u.factors().forEach(f -> units.append(' ').append(f.unit()).append(':').append(f.exponent()));
                units.append('\n');
            }
            Files.writeString(out.resolve(name + ".units"), units.toString());
        }
    }
}
