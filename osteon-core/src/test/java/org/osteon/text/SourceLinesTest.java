package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Lines of statements in Antimony text, for messages about a model already read. */
class SourceLinesTest {
    @Test
    void rulesValuesAndLabelsAreFoundWhereverTheyStartAStatement() {
        SourceLines lines = SourceLines.of("""
                // x' = 1 in a comment is not a statement
                model m
                  x' = -k*x; y := 2*x
                  var z = 3
                  /* k = 9 */ k = 1
                  R1: x => ; k*x
                  E1: at time > 5: x = 4
                  A.w = 5
                end
                """);
        assertThat(lines.line(SourceLines.Kind.RATE_RULE, "x")).isEqualTo(OptionalInt.of(3));
        assertThat(lines.line(SourceLines.Kind.ASSIGNMENT_RULE, "y")).isEqualTo(OptionalInt.of(3));
        assertThat(lines.line(SourceLines.Kind.VALUE, "z")).isEqualTo(OptionalInt.of(4));
        assertThat(lines.line(SourceLines.Kind.VALUE, "k")).isEqualTo(OptionalInt.of(5));
        assertThat(lines.line(SourceLines.Kind.LABEL, "R1")).isEqualTo(OptionalInt.of(6));
        assertThat(lines.line(SourceLines.Kind.LABEL, "E1")).isEqualTo(OptionalInt.of(7));
        assertThat(lines.line(SourceLines.Kind.VALUE, "x")).as("an event assignment is not an initial value").isEmpty();
        assertThat(lines.line(SourceLines.Kind.VALUE, "w")).as("a submodel's name").isEmpty();
        assertThat(lines.line(SourceLines.Kind.RATE_RULE, null)).isEmpty();
    }
}
