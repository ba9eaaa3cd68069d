package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.osteon.text.antlr.AntimonyParser;

/**
 * Turns ANTLR's view of a syntax error (a context, a set of expected token types, the token
 * found) into a sentence in the words a modeller uses: the literal text of keywords and
 * punctuation, "a name", "an expression", "a new line".
 */
final class SyntaxMessages {
    /** A problem's position and wording. */
    record Diagnostic(Token at, String message) {
    }

    private static final Set<Integer> OPERATORS = Set.of(PLUS, MINUS, STAR, SLASH, PERCENT, CARET, POW2, EQ, NE, LT, LE,
            GT, GE, AND_AND, OR_OR, AND, OR);
    private static final Set<Integer> EXPRESSION_START = Set.of(LPAREN, MINUS, PLUS, BANG, NOT, NUMBER, INF, NAN, ID);
    private static final Set<Integer> NUMBERS = Set.of(NUMBER, INF, NAN);
    private static final Set<Integer> OPERAND_BEFORE = Set.of(LPAREN, COMMA, BANG, NOT);
    private static final Set<Integer> KEYWORDS = Set.of(MODEL, END, FUNCTION, EXTERNAL, UNIT, SPECIES, COMPARTMENT,
            CONST, VAR, SUBSTANCE_ONLY, IN, IS, HAS, AT, AFTER, AND, OR, NOT, INF, NAN);

    private SyntaxMessages() {
    }

    static Diagnostic describe(AntimonyParser parser, RecognitionException e) {
        Token found = e.getOffendingToken() != null ? e.getOffendingToken() : parser.getCurrentToken();
        String lexical = lexical(found);
        if (lexical != null) {
            return new Diagnostic(found, lexical);
        }
        ParserRuleContext ctx = (ParserRuleContext) e.getCtx();
        IntervalSet expected;
        try {
            expected = e.getExpectedTokens();
        } catch (RuntimeException noStateInformation) {
            expected = new IntervalSet();
        }
        if (e instanceof NoViableAltException) {
            Token start = ((NoViableAltException) e).getStartToken();
            if (start != null && start.getTokenIndex() != found.getTokenIndex()) {
                return aheadFailure(parser, ctx, start, found, expected);
            }
        }
        return new Diagnostic(found, expectedFound(parser, ctx, expected, found));
    }

    /** The statement's first tokens fit no statement form (only a name starts several forms). */
    private static Diagnostic aheadFailure(AntimonyParser parser, ParserRuleContext ctx, Token start, Token found,
                                           IntervalSet expected) {
        if (ctx instanceof LabelledContext && start.getType() == ID) {
            // "J1: A -< B": neither a reaction nor a submodel; the reaction is what was meant
            Diagnostic asReaction = asReaction(parser, start);
            if (asReaction != null) {
                return asReaction;
            }
        }
        if (start.getType() == ID && ctx instanceof StatementContext) {
            String keyword = Names.suggest(start.getText(), Names.STATEMENT_KEYWORDS);
            if (keyword != null) {
                return new Diagnostic(start, "unknown keyword '" + start.getText() + "' (did you mean '" + keyword + "'?)");
            }
            return new Diagnostic(found, "expected ':', '=', ':=', ''', '.', 'is', 'has', '+', '->' or '=>' after '"
                    + Names.shown(start.getText()) + "', found " + foundText(found) + reservedHint(found, true));
        }
        return new Diagnostic(found, expectedFound(parser, ctx, expected, found));
    }

    /** The problem a reaction starting at {@code start} would have: parsed again on the same tokens. */
    private static Diagnostic asReaction(AntimonyParser parser, Token start) {
        TokenStream tokens = parser.getTokenStream();
        int saved = tokens.index();
        Problems probe = new Problems("");
        AntimonyParser p = new AntimonyParser(tokens);
        p.removeErrorListeners();
        p.setErrorHandler(new AntimonyErrorStrategy(probe));
        tokens.seek(start.getTokenIndex());
        try {
            p.reaction();
        } catch (RuntimeException abandoned) {
            // the probe has recorded its problem
        } finally {
            tokens.seek(saved);
        }
        return probe.firstAt() == null ? null : new Diagnostic(probe.firstAt(), probe.firstMessage());
    }

    static String missingEnd(ModelBlockContext model) {
        ModelHeaderContext header = model.modelHeader();
        String name = header != null && header.name != null ? "model '" + header.name.getText() + "'" : "the model";
        return "'end' missing: " + name + " opened at line " + model.getStart().getLine() + " is not closed";
    }

    static String missingEnd(FunctionDefinitionContext function) {
        String name = function.name != null ? function.name.getText() : "?";
        return "'end' missing: function '" + name + "' opened at line " + function.getStart().getLine()
                + " is not closed";
    }

    static String badLineStart(Token found) {
        String lexical = lexical(found);
        if (lexical != null) {
            return lexical;
        }
        if (found.getType() == RPAREN) {
            return "expected a statement, found ')' without a matching '('";
        }
        return "expected a statement, found " + foundText(found);
    }

    /** Tokens that exist only to be reported: characters and runs the language has no use for. */
    static String lexical(Token t) {
        switch (t.getType()) {
            case ILLEGAL:
                return "illegal character '" + Names.shown(t.getText()) + "'";
            case UNTERMINATED_STRING:
                return "unterminated string: expected a closing '\"' before the end of the line";
            case UNTERMINATED_COMMENT:
                return "unterminated comment: expected '*/' to close the '/*'";
            case BAD_NUMBER:
                return "malformed number '" + t.getText() + "': expected digits after the exponent '"
                        + t.getText().replaceAll("[^eE]", "") + "'";
            default:
                return null;
        }
    }

    private static String expectedFound(AntimonyParser parser, ParserRuleContext ctx, IntervalSet expected, Token found) {
        Set<Integer> types = new TreeSet<>(expected.toList());
        types.remove(Token.EPSILON);
        Token previous = previous(parser.getTokenStream(), found);
        String after = previous == null ? "" : " after " + tokenText(previous);
        String foundText = foundText(found);

        if (types.contains(LT) && types.contains(STAR)) {
            // left an expression early: operators could have continued it, but naming all of
            // them buries what is actually missing
            types.removeAll(OPERATORS);
        }
        types.remove(DOT); // a dotted submodel name could go on: never what was missing
        boolean newline = types.remove(NEWLINE);
        boolean semicolon = types.remove(SEMI);
        boolean eof = types.remove(Token.EOF);

        ReactionContext reaction = ancestor(ctx, ReactionContext.class);
        if (reaction != null && reaction.SEMI() == null && semicolon
                && (found.getType() == NEWLINE || found.getType() == Token.EOF)) {
            return "missing rate law: expected ';' and a rate law" + after + ", found " + foundText;
        }
        EventContext event = ancestor(ctx, EventContext.class);
        if (event != null && event.COLON() == null && types.contains(COLON)) {
            return "expected ':' after the event trigger, found " + foundText;
        }
        if (found.getType() == RPAREN && !types.contains(RPAREN)) {
            return "expected " + join(items(types, newline, semicolon, eof, ctx, previous)) + after
                    + ", found ')' without a matching '('";
        }
        if (types.isEmpty() && (newline || semicolon)) {
            String quote = ancestor(ctx, SynonymContext.class) != null && found.getType() == ID
                    ? " (a display name needs quotes: " + Names.shown(ancestor(ctx, SynonymContext.class).target.getText())
                    + " is \"...\")" : "";
            return "expected ';' or a new line after " + what(ctx) + ", found " + foundText + quote;
        }
        if (types.contains(RPAREN) && types.size() <= 2 && (types.size() == 1 || types.contains(COMMA))) {
            Token open = openParenthesis(ctx);
            if (open != null) {
                return "expected " + (types.size() == 2 ? "',' or ')'" : "')'") + " to close the '(' at line "
                        + open.getLine() + ", column " + (open.getCharPositionInLine() + 1) + ", found " + foundText;
            }
        }
        return "expected " + join(items(types, newline, semicolon, eof, ctx, previous)) + after + ", found " + foundText
                + reservedHint(found, types.contains(ID));
    }

    private static List<String> items(Set<Integer> types, boolean newline, boolean semicolon, boolean eof,
                                      ParserRuleContext ctx, Token previous) {
        Set<Integer> rest = new TreeSet<>(types);
        rest.remove(BAD_NUMBER); // accepted only as "2E" in a reaction: never worth asking for
        List<String> out = new ArrayList<>();
        if (rest.containsAll(Set.of(NUMBER, ID, LPAREN, BANG))) {
            rest.removeAll(EXPRESSION_START);
            out.add(slotName(ctx, previous));
        }
        if (rest.containsAll(Set.of(ID, MODEL, END, SPECIES))) {
            rest.removeAll(KEYWORDS);
            rest.remove(ID);
            out.add("an attribute name");
        }
        if (rest.containsAll(Set.of(NUMBER, DOLLAR, ID))) {
            rest.removeAll(Set.of(NUMBER, DOLLAR, ID));
            out.add("a species");
        }
        if (rest.contains(NUMBER)) {
            rest.removeAll(NUMBERS);
            out.add("a number");
        }
        for (int type : rest) {
            out.add(tokenName(type, ctx));
        }
        if (semicolon) {
            out.add("';'");
        }
        if (newline) {
            out.add("a new line");
        } else if (eof && out.isEmpty()) {
            out.add("the end of the file");
        }
        return out;
    }

    private static String join(List<String> items) {
        if (items.isEmpty()) {
            return "something else";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private static String tokenName(int type, ParserRuleContext ctx) {
        switch (type) {
            case ID:
                return nameKind(ctx);
            case NUMBER:
                return "a number";
            case STRING:
            case TRIPLE_STRING:
                return "a string";
            case MODEL:
            case MODEL_NOTE:
                return "'model'";
            case NEWLINE:
                return "a new line";
            case Token.EOF:
                return "the end of the file";
            default:
                String literal = VOCABULARY.getLiteralName(type);
                return literal != null ? literal : VOCABULARY.getDisplayName(type);
        }
    }

    private static String nameKind(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof SpeciesRefContext || c instanceof ReactionSideContext) {
                return "a species name";
            }
            if (c instanceof UnitAnnotationContext || c instanceof UnitExprContext || c instanceof UnitAtomContext || c instanceof UnitTermContext
                    || c instanceof ValueContext) {
                return "a unit name";
            }
            if (c instanceof ModelHeaderContext) {
                return "a model name";
            }
            if (c instanceof StatementContext) {
                break;
            }
        }
        return "a name";
    }

    /** What kind of expression was wanted, from the statement part it belongs to. */
    private static String slotName(ParserRuleContext ctx, Token previous) {
        if (previous != null && (OPERATORS.contains(previous.getType()) || OPERAND_BEFORE.contains(previous.getType()))) {
            return "an expression"; // an operand inside a larger expression
        }
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof ReactionContext) {
                return "a rate law";
            }
            if (c instanceof ValueContext || c instanceof EventOptionContext) {
                return "a value";
            }
            if (c instanceof FunctionDefinitionContext) {
                return "the function body";
            }
            if (c instanceof ParenthesizedContext || c instanceof CallContext || c instanceof StatementContext) {
                break;
            }
        }
        return "an expression";
    }

    /** The statement that just ended, for "expected a new line after ...". */
    private static String what(ParserRuleContext ctx) {
        ParseTree statement = ctx instanceof StmtEndContext
                ? ((LineContext) ctx.getParent()).statement()
                : ancestor(ctx, StatementContext.class);
        if (statement instanceof LabelledContext l) {
            statement = l.reaction() != null ? l.reaction() : l.event() != null ? l.event() : statement;
        } else if (statement instanceof ReactionStatementContext) {
            statement = ((ReactionStatementContext) statement).reaction();
        }
        if (statement instanceof ReactionContext) {
            return "the rate law";
        } else if (statement instanceof EventContext || statement instanceof EventStatementContext) {
            return "the event";
        } else if (statement instanceof AssignmentRuleContext || statement instanceof RateRuleContext) {
            return "the rule";
        } else if (statement instanceof ValueAssignmentContext) {
            return "the value";
        } else if (statement instanceof DisplayNameContext) {
            return "the display name";
        } else if (statement instanceof SynonymContext) {
            SynonymContext y = (SynonymContext) statement;
            return "'" + Names.shown(y.target.getText() + " is " + y.other.getText()) + "'";
        } else if (statement instanceof UnitAnnotationContext) {
            return "the unit";
        } else if (statement instanceof AnnotationContext || statement instanceof ModelAnnotationContext) {
            return "the annotation";
        } else if (statement instanceof DeclarationStatementContext) {
            return "the declaration";
        } else if (statement instanceof UnitDefinitionContext) {
            return "the unit definition";
        } else if (statement instanceof FunctionDefinitionContext) {
            return "the function definition";
        } else if (statement instanceof ExternalFunctionContext) {
            return "the external function";
        }
        return "the statement";
    }

    private static Token openParenthesis(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof ParenthesizedContext && ((ParenthesizedContext) c).RPAREN() == null) {
                return ((ParenthesizedContext) c).LPAREN().getSymbol();
            }
            if (c instanceof CallContext && ((CallContext) c).RPAREN() == null) {
                return ((CallContext) c).LPAREN().getSymbol();
            }
            if (c instanceof StatementContext) {
                break;
            }
        }
        return null;
    }

    private static <T extends ParserRuleContext> T ancestor(ParserRuleContext ctx, Class<T> type) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The last token before {@code t} that is not a line break: what the user just wrote. */
    private static Token previous(TokenStream tokens, Token t) {
        int index = t.getTokenIndex() >= 0 ? t.getTokenIndex() : tokens.index();
        for (int i = Math.min(index, tokens.size()) - 1; i >= 0; i--) {
            Token p = tokens.get(i);
            if (p.getType() != NEWLINE) {
                return p;
            }
        }
        return null;
    }

    private static String tokenText(Token t) {
        if (t.getType() == STRING) {
            return "the string";
        }
        return "'" + Names.shown(t.getText()) + "'";
    }

    static String foundText(Token t) {
        switch (t.getType()) {
            case Token.EOF:
                return "the end of the file";
            case NEWLINE:
                return "the end of the line";
            case STRING:
                return "the string " + Names.shown(t.getText());
            default:
                return "'" + Names.shown(t.getText()) + "'";
        }
    }

    private static String reservedHint(Token found, boolean nameExpected) {
        if (nameExpected && Names.RESERVED.contains(found.getText()) && found.getType() != ID) {
            return " ('" + found.getText() + "' is a reserved word)";
        }
        return "";
    }
}
