package org.osteon.util;

import java.util.Locale;

/**
 * The one check every number a user writes goes through (scenario YAML, command-line options,
 * model text): it must be a finite double. {@code .inf}, {@code Infinity}, {@code NaN} and values
 * that overflow, such as {@code 1e400}, are refused with the text as written, instead of turning
 * into infinities that silently poison a run.
 */
public final class FiniteNumbers {
    private FiniteNumbers() {
    }

    /** Thrown with a message such as {@code must be a finite number, found '1e400'}; callers add where. */
    public static final class NotFinite extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotFinite(String message) {
            super(message);
        }
    }

    /**
     * Parses a decimal number as a user wrote it (Java/YAML syntax, surrounding blanks allowed,
     * no hexadecimal).
     *
     * @throws NotFinite if the text is not a number, or is one that is not finite
     */
    public static double parse(String text) {
        String t = text == null ? "" : text.trim();
        double v;
        try {
            if (t.toLowerCase(Locale.ROOT).contains("x") || t.endsWith("d") || t.endsWith("D") || t.endsWith("f")
                    || t.endsWith("F")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            if (isInfinityOrNaNWord(t)) {
                throw new NotFinite("must be a finite number, found '" + t + "'");
            }
            throw new NotFinite("must be a number, found '" + t + "'");
        }
        if (!Double.isFinite(v)) {
            throw new NotFinite("must be a finite number, found '" + t + "'"
                    + (Double.isNaN(v) ? "" : isInfinityOrNaNWord(t) ? "" : " (too large for a number)"));
        }
        return v;
    }

    /** The value, if finite. @throws NotFinite naming {@code what} otherwise */
    public static double require(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new NotFinite(what + " must be a finite number, found " + value);
        }
        return value;
    }

    /** YAML and other spellings of infinity and not-a-number: {@code .inf}, {@code -Infinity}, {@code .NaN}, ... */
    public static boolean isInfinityOrNaNWord(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals(".inf") || t.equals("inf") || t.equals("infinity") || t.equals(".nan") || t.equals("nan");
    }

    /** Whether the text spells positive infinity ({@code .inf}, {@code +.inf}, {@code Infinity}, ...). */
    public static boolean isPositiveInfinityWord(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return !t.startsWith("-") && isInfinityOrNaNWord(t) && !t.endsWith("nan");
    }
}
