package org.osteon.text;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.osteon.text.antlr.AntimonyParser;

/**
 * Removes the precedence levels without an operator from a parsed line's expressions. The grammar
 * has one rule per precedence level, so each number or name is ten parse-tree nodes deep (expr,
 * orExpr, ..., powExpr, primary); once a line has parsed without error, a level whose only child
 * is the next level is replaced by that child. The nodes removed die young instead of living,
 * with the whole file's tree, until the model is assembled: the N = 1000 chain's tree shrinks by
 * about four fifths, and the collector no longer copies it. {@link ExpressionBuilder} reads the
 * shortened tree; {@code expr} nodes stay, since statements hold them.
 *
 * <p>Only complete lines are shortened: while a line is being parsed its nodes' parents are what
 * the error strategy reads to describe a syntax error, and after a line has ended nothing of it is
 * read for a message any more (the strategy forgets deferred contexts at every matched token).
 */
final class ExpressionChains {
    private ExpressionChains() {
    }

    /** The parser Osteon reads with: shortens each line's expressions when the line ends without error. */
    static final class ShorteningParser extends AntimonyParser {
        ShorteningParser(org.antlr.v4.runtime.TokenStream input) {
            super(input);
        }

        @Override
        public void exitRule() {
            if (_ctx instanceof LineContext line && !line.broken && line.exception == null) {
                shorten(line);
            }
            super.exitRule();
        }
    }

    /** Replaces, below {@code node}, every operator-less precedence level by its one child. */
    static void shorten(ParserRuleContext node) {
        List<ParseTree> children = node.children;
        if (children == null) {
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof ParserRuleContext child) {
                shorten(child);
                ParserRuleContext kept = child;
                while (isLevel(kept) && kept.getChildCount() == 1 && kept.getChild(0) instanceof ParserRuleContext only) {
                    kept = only;
                }
                if (kept != child) {
                    children.set(i, kept);
                    kept.parent = node;
                }
            }
        }
    }

    private static boolean isLevel(ParserRuleContext ctx) {
        switch (ctx.getRuleIndex()) {
            case AntimonyParser.RULE_orExpr:
            case AntimonyParser.RULE_andExpr:
            case AntimonyParser.RULE_eqExpr:
            case AntimonyParser.RULE_relExpr:
            case AntimonyParser.RULE_addExpr:
            case AntimonyParser.RULE_mulExpr:
            case AntimonyParser.RULE_unaryExpr:
            case AntimonyParser.RULE_powExpr:
                return true;
            default:
                return false;
        }
    }
}
