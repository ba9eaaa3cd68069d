package org.osteon.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osteon.units.Quantity;

/**
 * Reads the compact regimen form clinicians write: {@code AMOUNT [UNIT] [INTERVAL] [xCOUNT | for DURATION]
 * [ROUTE] [over DURATION] [from TIME]}, for example {@code 60 mg q6mo x8 sc}, {@code 20 ug qd for 2 years},
 * {@code 4 mg q4w x12 over 15 min} or {@code 5 mg/kg q3w x4 infusion over 1 h}.
 *
 * <ul>
 * <li>intervals: {@code q<N><unit>} with unit h, d, w (wk), mo, y (yr), e.g. {@code q12h}, {@code q6mo};
 *     {@code qd} daily, {@code qw} weekly, {@code qmo} monthly, {@code qy} yearly, {@code bid} every 12 h,
 *     {@code tid} every 8 h, {@code qid} every 6 h;</li>
 * <li>count: {@code x8} (or {@code x 8}); or {@code for 2 years}: as many doses as start within that time;</li>
 * <li>route: {@code bolus}/{@code iv}, {@code infusion}, {@code depot}/{@code sc}/{@code im}/{@code oral};
 *     {@code over D} makes it an infusion of duration D;</li>
 * <li>{@code from T}: the first dose at T (default 0).</li>
 * </ul>
 */
final class CompactRegimen {
    private static final Pattern INTERVAL = Pattern.compile("q(\\d*\\.?\\d*)(h|hr|d|w|wk|mo|m|y|yr)");
    private static final Pattern COUNT = Pattern.compile("[x\u00d7](\\d+)");

    private CompactRegimen() {
    }

    static Regimen parse(String target, String text) {
        List<String> tokens = new ArrayList<>(List.of(text.trim().split("\\s+")));
        if (tokens.isEmpty() || tokens.get(0).isEmpty()) {
            throw new IllegalArgumentException("empty regimen; expected e.g. '60 mg q6mo x8'");
        }
        // The amount: a number and the unit words up to the first keyword ("60 mg", "5 mg/kg", "60mg").
        StringBuilder amountText = new StringBuilder(tokens.remove(0));
        while (!tokens.isEmpty() && !isKeyword(tokens.get(0))) {
            amountText.append(' ').append(tokens.remove(0));
        }
        Quantity amount;
        try {
            amount = Quantity.parse(amountText.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': " + e.getMessage());
        }
        Quantity interval = null;
        Integer count = null;
        Quantity span = null;
        Quantity over = null;
        Quantity from = null;
        Route route = Route.BOLUS;
        boolean routeGiven = false;
        while (!tokens.isEmpty()) {
            String tok = tokens.remove(0);
            String low = tok.toLowerCase(Locale.ROOT);
            Matcher q = INTERVAL.matcher(low);
            Matcher x = COUNT.matcher(low);
            if (interval == null && q.matches()) {
                double n = q.group(1).isEmpty() ? 1 : org.osteon.util.FiniteNumbers.parse(q.group(1));
                interval = Quantity.of(n, unitOf(q.group(2)));
            } else if (interval == null && fixedInterval(low) != null) {
                interval = fixedInterval(low);
            } else if (count == null && x.matches()) {
                count = Integer.parseInt(x.group(1));
            } else if (count == null && (low.equals("x") || low.equals("\u00d7")) && !tokens.isEmpty()) {
                count = integer(tokens.remove(0), text);
            } else if (low.equals("for") || low.equals("over") || low.equals("from")) {
                Quantity q2 = quantityAfter(low, tokens, text);
                if (low.equals("for")) {
                    span = q2;
                } else if (low.equals("over")) {
                    over = q2;
                } else {
                    from = q2;
                }
            } else if (!routeGiven && isRoute(low)) {
                route = Route.parse(low);
                routeGiven = true;
            } else {
                throw new IllegalArgumentException("regimen '" + text.trim() + "': unexpected '" + tok
                        + "'; expected an interval (q6mo, q12h, qd, bid), a count (x8), 'for DURATION', 'over DURATION',"
                        + " 'from TIME' or a route (bolus, infusion, sc, depot)");
            }
        }
        if (count != null && span != null) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': give a count (x8) or a span (for 2 years), not both");
        }
        if (over != null) {
            if (routeGiven && route != Route.INFUSION) {
                throw new IllegalArgumentException("regimen '" + text.trim() + "': 'over' makes an infusion, but the route is "
                        + route.label());
            }
            route = Route.INFUSION;
        }
        int n = count != null ? count : span != null ? 0 : 1;
        if (span != null && interval == null) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': 'for' needs an interval (e.g. qd)");
        }
        if (n > 1 && interval == null) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': " + n + " doses need an interval (e.g. q6mo)");
        }
        return new Regimen(target, amount, route, from, n == 1 ? null : interval, n, span, over, null, null);
    }

    private static Quantity quantityAfter(String word, List<String> tokens, String text) {
        StringBuilder sb = new StringBuilder();
        while (!tokens.isEmpty() && (sb.length() == 0 || !isKeyword(tokens.get(0)))) {
            sb.append(sb.length() == 0 ? "" : " ").append(tokens.remove(0));
            if (sb.length() > 0 && Character.isLetter(sb.charAt(sb.length() - 1))) {
                break; // "2 years": a number then one unit word
            }
        }
        try {
            return Quantity.parse(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': after '" + word + "' " + e.getMessage());
        }
    }

    private static int integer(String tok, String text) {
        try {
            return Integer.parseInt(tok);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("regimen '" + text.trim() + "': expected a number of doses after 'x', found '" + tok + "'");
        }
    }

    private static boolean isKeyword(String tok) {
        String low = tok.toLowerCase(Locale.ROOT);
        return INTERVAL.matcher(low).matches() || fixedInterval(low) != null || COUNT.matcher(low).matches()
                || low.equals("x") || low.equals("for") || low.equals("over") || low.equals("from") || isRoute(low);
    }

    private static boolean isRoute(String low) {
        try {
            Route.parse(low);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Quantity fixedInterval(String low) {
        switch (low) {
            case "qd":
            case "daily":
                return Quantity.of(1, "d");
            case "qw":
            case "weekly":
                return Quantity.of(1, "week");
            case "qmo":
            case "monthly":
                return Quantity.of(1, "month");
            case "qy":
            case "yearly":
                return Quantity.of(1, "year");
            case "bid":
                return Quantity.of(12, "h");
            case "tid":
                return Quantity.of(8, "h");
            case "qid":
                return Quantity.of(6, "h");
            default:
                return null;
        }
    }

    private static String unitOf(String abbreviation) {
        switch (abbreviation) {
            case "h":
            case "hr":
                return "h";
            case "d":
                return "d";
            case "w":
            case "wk":
                return "week";
            case "mo":
            case "m":
                return "month";
            default:
                return "year";
        }
    }
}
