package org.osteon.text;

import static org.osteon.text.antlr.AntimonyLexer.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.osteon.text.antlr.AntimonyLexer;

/**
 * What libAntimony (2.14, the reference implementation) rejects or reads differently in text that
 * Osteon reads, found by running its converter on Osteon's models and writer output
 * (tools/libantimony/check.sh). The build cannot rely on libAntimony being installed, so its tests
 * check the writer's output and the built-in model files against these rules instead.
 */
public final class LibAntimonyRules {
    /** Constants and names that may be used as symbols although libAntimony reserves them. */
    private static final Set<String> SYMBOLS = Set.of("time", "pi", "exponentiale", "avogadro", "true", "false",
            "inf", "infinity", "INF", "NaN");

    private LibAntimonyRules() {
    }

    /** Every place in {@code text} libAntimony would reject or misread, as {@code line:column: why}. */
    public static List<String> problems(String text) {
        AntimonyLexer lexer = new AntimonyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        List<String> out = new ArrayList<>();
        String model = null;
        boolean inModel = false;
        boolean inUnit = false;
        boolean lineStart = true;
        List<String> functions = new ArrayList<>();
        java.util.Map<String, String> units = new java.util.LinkedHashMap<>(); // unit name -> where defined
        Set<String> symbols = new java.util.HashSet<>();
        boolean inHas = false;
        Set<String> unitFactors = new java.util.HashSet<>(); // units named so far in the current definition
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Token after = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
            String where = t.getLine() + ":" + (t.getCharPositionInLine() + 1) + ": ";
            if (type == STRING && t.getText().indexOf('\\') >= 0) {
                out.add(where + "a string with a backslash: libAntimony reads no escapes");
            } else if (type == EXTERNAL) {
                out.add(where + "'external function': libAntimony has no Java functions");
            } else if (type == ID && Names.LIBANTIMONY_RESERVED.contains(t.getText()) && !SYMBOLS.contains(t.getText())
                    && (next == null || next.getType() != LPAREN)) {
                out.add(where + "'" + t.getText() + "' is reserved in libAntimony");
            } else if (type == ID && next != null && next.getType() == DOT && after != null
                    && i + 4 < tokens.size() && tokens.get(i + 3).getType() == ASSIGN
                    && tokens.get(i + 4).getType() == STRING) {
                out.add(where + "'" + t.getText() + "." + after.getText() + " = \"...\"': libAntimony takes no such "
                        + "attribute; write notes");
            } else if (inUnit && type == NUMBER && next != null && next.getType() == ID && after != null
                    && (after.getType() == CARET || after.getType() == POW2)) {
                out.add(where + "'" + t.getText() + " " + next.getText() + "^': libAntimony raises the number with "
                        + "the unit; write '" + t.getText() + " * " + next.getText() + "^'");
            } else if (lineStart && type == ID && next != null && next.getType() == HAS
                    && (functions.contains(t.getText()) || t.getText().equals(model))) {
                out.add(where + "'" + t.getText() + " has': libAntimony gives units to no model or function");
            } else if (lineStart && inModel && type == ID && t.getText().equals(model)) {
                out.add(where + "the model's own metadata inside its block: libAntimony takes it after 'end'");
            } else if (inUnit && type == ID && unitFactors.contains(t.getText())) {
                out.add(where + "'" + t.getText() + "' twice in one unit definition: libAntimony loses the definition;"
                        + " write one factor with its power");
            } else if (type != STRING && type != TRIPLE_STRING && t.getText().chars().anyMatch(c -> c > 126)) {
                out.add(where + "a character outside ASCII: libAntimony takes them only in strings and comments");
            }
            if (type == MODEL && next != null && next.getType() == STAR) {
                model = after == null ? null : after.getText();
            } else if (type == MODEL && next != null && next.getType() == ID) {
                model = next.getText();
            }
            if (type == MODEL) {
                inModel = true;
            } else if (type == END) {
                inModel = false;
            } else if (type == FUNCTION && next != null && next.getType() == ID) {
                functions.add(next.getText());
            }
            if (inUnit && type == ID && i > 0 && tokens.get(i - 1).getType() != UNIT) {
                unitFactors.add(t.getText());
            }
            if (type == UNIT && next != null && next.getType() == ID) {
                units.putIfAbsent(next.getText(), next.getLine() + ":" + (next.getCharPositionInLine() + 1) + ": ");
            } else if (type == ID && !inUnit && !inHas && (i == 0 || tokens.get(i - 1).getType() != NUMBER)
                    && (i == 0 || tokens.get(i - 1).getType() != DOT)) {
                symbols.add(t.getText());
            }
            if (type == UNIT) {
                inUnit = true;
                unitFactors.clear();
            } else if (type == HAS) {
                inHas = true;
            } else if (type == NEWLINE || type == SEMI) {
                inUnit = false;
                inHas = false;
            }
            lineStart = type == NEWLINE || type == SEMI;
        }
        units.forEach((unit, where) -> {
            if (symbols.contains(unit)) {
                out.add(where + "unit '" + unit + "' has the name of a model symbol: libAntimony has one namespace for both");
            }
        });
        return out;
    }
}
