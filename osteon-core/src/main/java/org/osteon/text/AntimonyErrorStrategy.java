package org.osteon.text;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.osteon.text.antlr.AntimonyParser;
import org.osteon.text.antlr.AntimonyParser.FileContext;
import org.osteon.text.antlr.AntimonyParser.FunctionDefinitionContext;
import org.osteon.text.antlr.AntimonyParser.ModelBlockContext;
import org.osteon.text.antlr.AntimonyParser.StatementAbort;

/**
 * Error strategy tuned for a line-oriented language: report one plain-words problem, then give
 * up on the statement (the grammar's {@code line} rule skips to the next line). ANTLR's own
 * single-token repairs are not used: they guess, and their guesses produce follow-up errors that
 * would confuse the user more than they help.
 */
final class AntimonyErrorStrategy extends DefaultErrorStrategy {
    private final Problems problems;
    // Where a loop or optional part was last left because the next token did not fit it: the
    // tokens expected there are a better description of the mistake than those of the outer rule.
    private ParserRuleContext deferredContext;
    private int deferredState = -1;

    AntimonyErrorStrategy(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void reset(Parser recognizer) {
        super.reset(recognizer);
        clearDeferral();
    }

    @Override
    public void reportMatch(Parser recognizer) {
        super.reportMatch(recognizer);
        clearDeferral();
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        SyntaxMessages.Diagnostic d = SyntaxMessages.describe((AntimonyParser) recognizer, e);
        problems.syntax(d.at(), d.message());
    }

    private void report(Parser recognizer, Token at, String message) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        problems.syntax(at, message);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new StatementAbort(true);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        ParserRuleContext ctx = recognizer.getContext();
        if (ctx instanceof ModelBlockContext && getExpectedTokens(recognizer).contains(AntimonyParser.END)) {
            // Pretend the 'end' was there so that a following model block is still parsed.
            report(recognizer, recognizer.getCurrentToken(), SyntaxMessages.missingEnd((ModelBlockContext) ctx));
            return getMissingSymbol(recognizer);
        }
        InputMismatchException e = deferredContext == null
                ? new InputMismatchException(recognizer)
                : new InputMismatchException(recognizer, deferredState, deferredContext);
        reportError(recognizer, e);
        throw new StatementAbort(true);
    }

    @Override
    public void sync(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        TokenStream tokens = recognizer.getInputStream();
        int la = tokens.LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(state);
        if (next.contains(la)) {
            clearDeferral();
            return;
        }
        if (next.contains(Token.EPSILON)) {
            if (deferredContext == null) {
                deferredContext = recognizer.getContext();
                deferredState = recognizer.getState();
            }
            return;
        }
        ParserRuleContext ctx = recognizer.getContext();
        if (ctx instanceof FileContext || ctx instanceof ModelBlockContext) {
            skipBadLine(recognizer, ctx instanceof ModelBlockContext);
            return;
        }
        if (ctx instanceof FunctionDefinitionContext && next.contains(AntimonyParser.END)
                && (atLineStart(tokens) || la == Token.EOF)) {
            report(recognizer, recognizer.getCurrentToken(),
                    SyntaxMessages.missingEnd((FunctionDefinitionContext) ctx));
            throw new StatementAbort(false);
        }
        throw new InputMismatchException(recognizer);
    }

    /** A line that cannot start a statement: report it and drop it, staying in the same block. */
    private void skipBadLine(Parser recognizer, boolean inModel) {
        TokenStream tokens = recognizer.getInputStream();
        int la = tokens.LA(1);
        if (la == Token.EOF || (inModel && la == AntimonyParser.MODEL)) {
            return; // the block's missing 'end' is reported when it is matched
        }
        Token found = recognizer.getCurrentToken();
        report(recognizer, found, SyntaxMessages.badLineStart(found));
        while (true) {
            int t = tokens.LA(1);
            if (t == Token.EOF || t == AntimonyParser.NEWLINE
                    || (t == AntimonyParser.END && tokens.index() > 0 && tokens.LA(-1) == AntimonyParser.SEMI)) {
                return;
            }
            tokens.consume();
        }
    }

    private static boolean atLineStart(TokenStream tokens) {
        if (tokens.index() == 0) {
            return true;
        }
        int previous = tokens.LA(-1);
        return previous == AntimonyParser.NEWLINE || previous == AntimonyParser.SEMI;
    }

    private void clearDeferral() {
        deferredContext = null;
        deferredState = -1;
    }
}
