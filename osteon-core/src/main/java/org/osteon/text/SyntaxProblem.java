package org.osteon.text;

/**
 * One thing wrong with a model text, at a 1-based line and column.
 *
 * @param file    the file name the reader was given (as given, not resolved)
 * @param message plain-words description: what was expected and what was found
 */
public record SyntaxProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
