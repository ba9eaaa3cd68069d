package org.osteon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.osteon.solve.SteadyState;

/** A {@link ModelDescription} as JSON, for scripts and the web client. Non-finite numbers become null. */
final class DescriptionJson {
    private DescriptionJson() {
    }

    static void write(ModelDescription d, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("title", d.title());
            g.writeStringField("description", d.description());
            g.writeStringField("citation", d.citation());
            g.writeStringField("doi", d.doi());
            g.writeStringField("timeUnit", d.timeUnit());
            g.writeBooleanField("timeUnitDeclared", d.timeUnitDeclared());
            g.writeStringField("scenario", d.scenario());
            entries(g, "states", "initial", d.states());
            entries(g, "parameters", "value", d.parameters());
            strings(g, "rules", d.rules());
            strings(g, "initialAssignments", d.initialAssignments());
            strings(g, "events", d.events());
            steady(g, d.steady());
            g.writeEndObject();
        }
        w.write('\n');
        w.flush();
    }

    private static void entries(JsonGenerator g, String field, String valueField, java.util.List<ModelDescription.Entry> list)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (ModelDescription.Entry e : list) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            number(g, valueField, e.value());
            g.writeStringField("unit", e.unit());
            g.writeStringField("name", e.name());
            g.writeStringField("description", e.description());
            g.writeStringField("source", e.source());
            g.writeStringField("note", e.note());
            g.writeBooleanField("constant", e.constant());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, java.util.List<String> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void steady(JsonGenerator g, ModelDescription.Steady s) throws IOException {
        g.writeObjectFieldStart("steadyState");
        g.writeBooleanField("found", s.error() == null);
        if (s.error() != null) {
            g.writeStringField("error", s.error());
        } else {
            g.writeStringField("method", s.method());
            g.writeNumberField("iterations", s.iterations());
            number(g, "residual", s.residual());
            g.writeObjectFieldStart("state");
            for (int i = 0; i < s.ids().size(); i++) {
                number(g, s.ids().get(i), s.values()[i]);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("eigenvalues");
            for (SteadyState.Eigenvalue e : s.eigenvalues()) {
                g.writeStartObject();
                number(g, "real", e.real());
                number(g, "imaginary", e.imaginary());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("stability", s.stability());
            number(g, "period", s.period());
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }
}
