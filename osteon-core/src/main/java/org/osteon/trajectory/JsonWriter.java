package org.osteon.trajectory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * JSON form of a trajectory: {@code {"model", "timeUnit", "time": [...], "columns": [{id, kind,
 * unit, label, values: [...]}], "run": {...}}}. Non-finite numbers are written as null.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() {
    }

    public static void write(Trajectory tr, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(tr, out));
    }

    public static void write(Trajectory tr, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeTo(tr, g);
        }
    }

    public static void write(Trajectory tr, java.io.Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeTo(tr, g);
        }
    }

    /** Writes the trajectory object at the generator's current position. */
    public static void writeTo(Trajectory tr, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", tr.modelId());
        g.writeStringField("timeUnit", tr.timeUnit());
        g.writeArrayFieldStart("time");
        for (int i = 0; i < tr.size(); i++) {
            number(g, tr.time(i));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("columns");
        for (Column c : tr.columns()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (c.unit() != null) {
                g.writeStringField("unit", c.unit());
            }
            g.writeStringField("label", c.label());
            g.writeArrayFieldStart("values");
            for (double v : tr.column(c.id())) {
                number(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        RunInfo r = tr.runInfo();
        if (r != null) {
            g.writeObjectFieldStart("run");
            g.writeStringField("method", r.method());
            number(g, "rtol", r.rtol());
            number(g, "atol", r.atol());
            g.writeNumberField("acceptedSteps", r.acceptedSteps());
            g.writeNumberField("rejectedSteps", r.rejectedSteps());
            g.writeNumberField("functionEvaluations", r.functionEvaluations());
            g.writeNumberField("jacobianEvaluations", r.jacobianEvaluations());
            g.writeNumberField("restarts", r.restarts());
            g.writeBooleanField("switchedToStiff", r.switchedToStiff());
            g.writeNumberField("eventsFired", r.eventsFired());
            number(g, "solveMillis", r.solveMillis());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        number(g, v);
    }
}
