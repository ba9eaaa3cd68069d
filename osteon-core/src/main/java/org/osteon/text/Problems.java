package org.osteon.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Collects problems while reading one text; reported sorted by position. */
final class Problems {
    private final String file;
    private final List<SyntaxProblem> list = new ArrayList<>();
    private final List<SyntaxProblem> warnings = new ArrayList<>();
    private boolean syntaxErrors;

    Problems(String file) {
        this.file = file;
    }

    private Token firstAt;
    private String firstMessage;

    void syntax(Token at, String message) {
        syntaxErrors = true;
        if (firstAt == null) {
            firstAt = at;
            firstMessage = message;
        }
        add(at, message);
    }

    Token firstAt() {
        return firstAt;
    }

    String firstMessage() {
        return firstMessage;
    }

    void add(Token at, String message) {
        int line = at == null ? 1 : Math.max(1, at.getLine());
        int column = at == null ? 1 : Math.max(0, at.getCharPositionInLine()) + 1;
        list.add(new SyntaxProblem(file, line, column, message));
    }

    void add(int line, int column, String message) {
        list.add(new SyntaxProblem(file, Math.max(1, line), Math.max(1, column), message));
    }

    /** Something the reader accepted but the modeller should know about (a default it applied). */
    void warn(Token at, String message) {
        int line = at == null ? 1 : Math.max(1, at.getLine());
        int column = at == null ? 1 : Math.max(0, at.getCharPositionInLine()) + 1;
        warnings.add(new SyntaxProblem(file, line, column, message));
    }

    List<SyntaxProblem> warnings() {
        List<SyntaxProblem> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingInt(SyntaxProblem::line).thenComparingInt(SyntaxProblem::column));
        return List.copyOf(sorted);
    }

    String file() {
        return file;
    }

    /** True once the parser reported something: checks that need the whole text then stay quiet. */
    boolean hasSyntaxErrors() {
        return syntaxErrors;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    ModelSyntaxException exception() {
        List<SyntaxProblem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(SyntaxProblem::line).thenComparingInt(SyntaxProblem::column));
        return new ModelSyntaxException(sorted);
    }
}
