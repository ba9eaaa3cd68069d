package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osteon.analysis.fit.Estimate;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.analysis.fit.FitSpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code osteon fit} specifications that calibrate {@code rankl-pathway}
 * ({@code calibration/fit-*.yaml}) read without error, fit training data only (never a held-out
 * (arm, output) pair of acceptance.csv), and every parameter they estimate says in its note how
 * it was estimated: "estimated: calibration stage N, osteon fit calibration/fit-N-....yaml" naming
 * the spec (of the same stage) that estimates it, or "estimated: calibration stage N (" (the earlier
 * procedure's value, not yet replaced). Notes are in the form libAntimony reads: {@code x notes "note: ..."}.
 */
class FitSpecsTest {
    private static final List<String> SPECS = List.of("fit-1-denosumab.yaml", "fit-2-teriparatide.yaml",
            "fit-3-menopause.yaml", "fit-4-zoledronate.yaml");
    private static final Pattern FITTED_NOTE = Pattern.compile(
            "^\\s*(\\w+) notes \"note: estimated: calibration stage (\\d), osteon fit calibration/(fit-(\\d)-[\\w-]+\\.yaml) ",
            Pattern.MULTILINE);

    private static FitSpec read(String name) {
        URL url = RanklPathwayTrials.class.getResource(RanklPathwayTrials.DIR + name);
        assertThat(url).as(name).isNotNull();
        try {
            return FitSpecReader.read(Path.of(url.toURI()), Outcome.RUNNER);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String modelText() {
        try (var in = RanklPathwayTrials.class.getResourceAsStream("/org/osteon/models/rankl-pathway/rankl-pathway.ant")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "group output" of every acceptance.csv criterion of the set. */
    private static Set<String> pairsOf(String set) {
        return TrialData.criteria().stream().filter(c -> c.set().equals(set))
                .flatMap(c -> c.groups().stream().map(g -> g + " " + c.output())).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fit-1-denosumab.yaml", "fit-2-teriparatide.yaml", "fit-3-menopause.yaml", "fit-4-zoledronate.yaml"})
    void specFitsTrainingDataOnly(String name) {
        FitSpec spec = read(name);
        assertThat(spec.data().source()).as(name + " data file").contains("-training.csv");
        Set<String> fitted = spec.data().rows().stream().map(o -> o.group() + " " + o.output()).collect(Collectors.toSet());
        assertThat(fitted).as(name + " data").isNotEmpty();
        assertThat(spec.groups().keySet()).as(name + ": one scenario per data group").containsAll(spec.data().groups());
        // held out are (arm, output) pairs: the femoral neck of a training arm is held out, for example
        assertThat(fitted).as(name + " fits no held-out arm and output").doesNotContainAnyElementsOf(pairsOf("heldout"));
        assertThat(pairsOf("training")).as(name + ": what it fits is declared training in acceptance.csv").containsAll(fitted);
    }

    @Test
    void everyEstimatedParameterSaysSoAndFittedNotesNameTheirSpec() {
        Map<String, String> specOf = new TreeMap<>();
        for (String name : SPECS) {
            for (Estimate e : read(name).estimates()) {
                assertThat(specOf.put(e.name(), name)).as(e.name() + " estimated by two specifications").isNull();
            }
        }
        String model = modelText();
        Map<String, String> noted = new TreeMap<>();
        Matcher m = FITTED_NOTE.matcher(model);
        while (m.find()) {
            assertThat(m.group(2)).as(m.group(1) + ": the stage its note names is its spec's stage").isEqualTo(m.group(4));
            noted.put(m.group(1), m.group(3));
        }
        assertThat(noted).as("parameters whose note says 'osteon fit': the spec named").isNotEmpty();
        noted.forEach((p, spec) -> assertThat(specOf.get(p)).as(p + ": the spec its note names estimates it").isEqualTo(spec));
        // what a spec estimates but the model does not yet hold from osteon fit carries the earlier estimate, and says so
        for (String p : specOf.keySet()) {
            if (!noted.containsKey(p)) {
                assertThat(model).as(p + " note").containsPattern("(?m)^\\s*" + p + " notes \"note: estimated: calibration stage \\d \\(");
            }
        }
    }
}
