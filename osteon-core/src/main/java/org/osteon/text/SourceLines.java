package org.osteon.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.osteon.text.antlr.AntimonyLexer;
import org.osteon.text.antlr.AntimonyParser;

/**
 * Where a model's statements are in its Antimony text, for messages about a model that was already
 * read (the {@code Model} keeps no positions): the line of each rate rule {@code x' = ...}, assignment
 * rule {@code x := ...}, value or initial assignment {@code x = ...} at the start of a statement, and
 * labelled reaction or event {@code R1: ...}. The first statement of each kind wins; names inside
 * submodels ({@code A.x}) are not found, and a caller then names the file only.
 */
public final class SourceLines implements StatementLines {
    /** What a statement does to its name. */
    public enum Kind { RATE_RULE, ASSIGNMENT_RULE, VALUE, LABEL }

    private final Map<String, Integer> lines;

    private SourceLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads the statements' lines from the text (a lexer pass only). */
    public static SourceLines of(String text) {
        AntimonyLexer lexer = new AntimonyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        Map<String, Integer> lines = new HashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() != AntimonyParser.ID) {
                continue;
            }
            int before = i == 0 ? AntimonyParser.NEWLINE : tokens.get(i - 1).getType();
            boolean statementStart = before == AntimonyParser.NEWLINE || before == AntimonyParser.SEMI
                    || (before != AntimonyParser.DOT && before != AntimonyParser.COMMA && before != AntimonyParser.ID
                    && before != AntimonyParser.COLON && isKeyword(tokens.get(i - 1)));
            int next = tokens.get(i + 1).getType();
            Kind kind = null;
            if (next == AntimonyParser.PRIME && i + 2 < tokens.size() && tokens.get(i + 2).getType() == AntimonyParser.ASSIGN) {
                kind = Kind.RATE_RULE;
            } else if (next == AntimonyParser.ASSIGN_RULE) {
                kind = Kind.ASSIGNMENT_RULE;
            } else if (next == AntimonyParser.ASSIGN && statementStart) {
                kind = Kind.VALUE;
            } else if (next == AntimonyParser.COLON && statementStart) {
                kind = Kind.LABEL;
            }
            if (kind != null && before != AntimonyParser.DOT) {
                lines.putIfAbsent(key(kind, t.getText()), t.getLine());
            }
        }
        return new SourceLines(lines);
    }

    /** A keyword such as {@code var}, {@code const} or {@code species} before the name. */
    private static boolean isKeyword(Token t) {
        String s = t.getText();
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }

    private static String key(Kind kind, String name) {
        return kind + ":" + name;
    }

    /** The line of the statement of this kind for {@code name}, if the text has one. */
    @Override
    public OptionalInt line(Kind kind, String name) {
        Integer line = name == null ? null : lines.get(key(kind, name));
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }
}
