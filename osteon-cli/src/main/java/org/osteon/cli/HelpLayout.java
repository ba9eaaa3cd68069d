package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that reads as prose. The commands write their descriptions as source-code lines; picocli
 * would print each line as it is (and wrap the long ones again, mid-phrase), and the command list
 * of {@code osteon --help} would show only the first line, cut mid-sentence ("... then"). Here the
 * lines of a description are joined into one paragraph that picocli wraps to the width, and the
 * command list shows each command's first whole sentence.
 */
final class HelpLayout {
    /** Words that end with a period without ending a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("al", "e.g", "i.e", "cf", "vs", "etc", "approx", "fig", "eq",
            "ref", "no", "vol", "ca", "resp");

    private HelpLayout() {
    }

    static void apply(CommandLine root) {
        join(root);
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
    }

    private static void join(CommandLine cl) {
        UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        String[] description = usage.description();
        if (description.length > 1) {
            usage.description(paragraph(description));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub != cl) {
                join(sub);
            }
        }
    }

    /** The lines of a description as one paragraph (single spaces). */
    static String paragraph(String... lines) {
        return String.join(" ", lines).strip().replaceAll("\\s+", " ");
    }

    /** The first sentence: up to a period, '!' or '?' before a capital, not inside brackets, not after "et al." and the like. */
    static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        int depth = 0;
        for (int i = 0; i < t.length() - 2; i++) {
            char c = t.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if ((c == '.' || c == '!' || c == '?') && depth == 0 && t.charAt(i + 1) == ' '
                    && Character.isUpperCase(t.charAt(i + 2)) && !(c == '.' && abbreviation(t, i))) {
                return t.substring(0, i + 1);
            }
        }
        return t;
    }

    private static boolean abbreviation(String t, int dot) {
        int start = dot;
        while (start > 0 && t.charAt(start - 1) != ' ' && t.charAt(start - 1) != '(') {
            start--;
        }
        String word = t.substring(start, dot).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    /** "Commands:" with each command's first sentence, wrapped in the description column. */
    private static String commandList(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        if (subcommands.isEmpty()) {
            return "";
        }
        int nameWidth = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(nameWidth, 2, Help.Column.Overflow.SPAN),
                new Help.Column(Math.max(20, width - nameWidth), 1, Help.Column.Overflow.WRAP));
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Help> e : subcommands.entrySet()) {
            Help sub = e.getValue();
            if (seen.contains(sub.commandSpec().name())) {
                continue; // an alias
            }
            seen.add(sub.commandSpec().name());
            String[] header = sub.commandSpec().usageMessage().header();
            String summary = header.length > 0 ? paragraph(header)
                    : firstSentence(paragraph(sub.commandSpec().usageMessage().description()));
            table.addRowValues(e.getKey(), summary == null ? "" : summary.replace("%%", "%"));
        }
        return table.toString();
    }
}
