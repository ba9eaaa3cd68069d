package org.osteon.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osteon.compile.Variable;
import org.osteon.report.PlotSpec.Baseline;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/** Turns runs and a spec into curves for {@link XyFigures}: series choice, % change, labels. */
final class TimeSeriesFigure {
    /** What a reader usually wants to see: the model's state, not its constants or fluxes. */
    static final Set<Variable.Kind> DEFAULT_KINDS =
            EnumSet.of(Variable.Kind.SPECIES, Variable.Kind.RATE_RULE, Variable.Kind.ASSIGNED);

    private TimeSeriesFigure() {
    }

    static Figure build(List<NamedTrajectory> runs, PlotSpec spec) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to plot");
        }
        String timeUnit = runs.get(0).trajectory().timeUnit();
        for (NamedTrajectory r : runs) {
            if (!Objects.equals(timeUnit, r.trajectory().timeUnit())) {
                throw new IllegalArgumentException("runs to overlay must share a time unit: '" + timeUnit + "' vs '"
                        + r.trajectory().timeUnit() + "' in " + r.name());
            }
        }
        Baseline mode = spec.percentChange();
        if (mode == Baseline.FIRST_RUN && runs.size() < 2) {
            throw new IllegalArgumentException("% change from the first run needs at least two runs");
        }
        Map<String, Column> columns = columns(runs, spec.series());
        List<String> notes = new ArrayList<>();
        List<XyFigures.Curve> curves = new ArrayList<>();
        Set<String> noBaseline = new LinkedHashSet<>();
        int firstDrawn = mode == Baseline.FIRST_RUN ? 1 : 0;
        for (String id : columns.keySet()) {
            for (int r = firstDrawn; r < runs.size(); r++) {
                Trajectory tr = runs.get(r).trajectory();
                if (!tr.has(id)) {
                    continue;
                }
                double[] y = values(tr, id, mode, runs.get(0).trajectory());
                if (y == null) {
                    noBaseline.add(id);
                    continue;
                }
                curves.add(new XyFigures.Curve(id, r, tr.times(), y));
            }
        }
        if (!noBaseline.isEmpty()) {
            notes.add("No % change (baseline is zero or missing): " + String.join(", ", noBaseline));
        }
        Map<String, XyFigures.Symbol> symbols = new LinkedHashMap<>();
        columns.forEach((id, c) -> symbols.put(id, new XyFigures.Symbol(id, Legend.text(id, c.label()),
                mode == Baseline.NONE ? c.unit() : "%")));

        List<Legend.Entry> runKey = new ArrayList<>();
        // A key is needed as soon as a dash can mean something: several runs, or one run drawn
        // against another that is not shown.
        if (runs.size() > 1) {
            for (int r = firstDrawn; r < runs.size(); r++) {
                runKey.add(XyFigures.runEntry(runs.get(r).name(), r));
            }
        }
        String xLabel = timeUnit == null || timeUnit.isBlank() ? "time" : "time [" + timeUnit + "]";
        XyFigures.Layout layout = new XyFigures.Layout(spec.title(), xLabel, spec.logX(), spec.logY(), false,
                spec.width(), spec.height(), mode == Baseline.NONE,
                group -> yLabels(spec, mode, runs.get(0).name(), group, columns), runKey);
        return XyFigures.build(curves, symbols, layout, notes);
    }

    /** The requested columns, or the default kinds of every run; ids unknown to all runs fail. */
    private static Map<String, Column> columns(List<NamedTrajectory> runs, List<String> requested) {
        Map<String, Column> out = new LinkedHashMap<>();
        if (requested.isEmpty()) {
            for (NamedTrajectory r : runs) {
                for (Column c : r.trajectory().columns()) {
                    if (DEFAULT_KINDS.contains(c.kind())) {
                        out.putIfAbsent(c.id(), c);
                    }
                }
            }
            return out;
        }
        for (String id : requested) {
            Column found = null;
            for (NamedTrajectory r : runs) {
                if (r.trajectory().has(id)) {
                    found = r.trajectory().columnInfo(id);
                    break;
                }
            }
            // Let the first run produce the "no column ... did you mean" message.
            out.put(id, found != null ? found : runs.get(0).trajectory().columnInfo(id));
        }
        return out;
    }

    /** Values to draw, or null when the % change has no usable baseline. */
    static double[] values(Trajectory tr, String id, Baseline mode, Trajectory baseRun) {
        double[] v = tr.column(id);
        switch (mode) {
            case NONE:
                return v;
            case INITIAL_VALUE: {
                double base = v[0];
                if (base == 0 || !Double.isFinite(base)) {
                    return null;
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] = 100 * (v[i] / base - 1);
                }
                return v;
            }
            case FIRST_RUN: {
                if (!baseRun.has(id)) {
                    return null;
                }
                double t0 = baseRun.time(0);
                double t1 = baseRun.time(baseRun.size() - 1);
                for (int i = 0; i < v.length; i++) {
                    double t = tr.time(i);
                    double base = t >= t0 && t <= t1 ? baseRun.valueAt(id, t) : Double.NaN;
                    v[i] = base == 0 ? Double.NaN : 100 * (v[i] / base - 1);
                }
                return v;
            }
            default:
                throw new IllegalStateException(mode.toString());
        }
    }

    /** Axis titles for a panel, best first: display name, then id, then the unit alone. */
    private static List<String> yLabels(PlotSpec spec, Baseline mode, String baseRun, List<XyFigures.Symbol> group,
                                        Map<String, Column> columns) {
        if (spec.yLabel() != null) {
            return List.of(spec.yLabel());
        }
        if (mode == Baseline.INITIAL_VALUE) {
            return List.of("change from t₀ [%]", "Δ from t₀ [%]", "[%]");
        }
        if (mode == Baseline.FIRST_RUN) {
            return List.of("change vs " + baseRun + " [%]", "Δ vs " + baseRun + " [%]", "[%]");
        }
        String unit = group.get(0).unit();
        List<String> names = new ArrayList<>();
        if (group.size() == 1) {
            Column c = columns.get(group.get(0).id());
            if (c.label() != null) {
                names.add(c.label());
            }
            names.add(c.id());
        } else {
            boolean species = group.stream().allMatch(s -> columns.get(s.id()).kind() == Variable.Kind.SPECIES);
            names.add(species ? "concentration" : "value");
        }
        return Labels.withUnit(names, unit);
    }
}
