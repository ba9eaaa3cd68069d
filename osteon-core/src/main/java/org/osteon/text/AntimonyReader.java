package org.osteon.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.osteon.model.Model;
import org.osteon.text.antlr.AntimonyLexer;
import org.osteon.text.antlr.AntimonyParser;

/**
 * Reads models written in Antimony, the text format of tellurium, with Osteon's extensions
 * ({@code external function}, {@code A.description = "..."} metadata attributes).
 *
 * <p>Every problem found is reported at once in a {@link ModelSyntaxException}: syntax errors (one
 * per broken line, the following lines are still checked) and contradictions such as a species
 * redeclared as a compartment or two rules for one symbol. Symbols that expressions use but
 * nothing defines are left to the compiler.
 */
public final class AntimonyReader {
    /** Deeper expressions are refused rather than risking the parser's stack. */
    static final int MAX_NESTING = 100;

    private AntimonyReader() {
    }

    /**
     * @param fileName name used in problem reports, e.g. {@code lemaire.ant}
     * @throws ModelSyntaxException if the text is not a valid model
     */
    public static Model parse(String text, String fileName) {
        return parseWithWarnings(text, fileName).model();
    }

    /**
     * Like {@link #parse}, also returning what the reader accepted with a default the modeller
     * should know about (a species without an initial value starts at 0, {@code x = ;}, ...).
     */
    public static AntimonyReading parseWithWarnings(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        Problems problems = new Problems(fileName);
        AntimonyLexer lexer = new AntimonyLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(new BlankLinesSkipped(lexer));
        tokens.fill();
        if (tooDeep(tokens, problems)) {
            throw problems.exception();
        }
        numbersTooLarge(tokens, problems);
        AntimonyParser parser = new ExpressionChains.ShorteningParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new AntimonyErrorStrategy(problems));
        Model model = null;
        try {
            AntimonyParser.FileContext tree = parser.file();
            model = new ModelAssembler(problems, tokens).assemble(tree);
        } catch (AntimonyParser.StatementAbort abandoned) {
            // only escapes when nothing more can be read; its problem is already recorded
            if (problems.isEmpty()) {
                problems.syntax(parser.getCurrentToken(), "unexpected " + SyntaxMessages.foundText(parser.getCurrentToken()));
            }
        } catch (StackOverflowError e) {
            problems.syntax(null, "the model is nested too deeply to read");
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new AntimonyReading(model, problems.warnings());
    }

    /**
     * The lexer's tokens without the second and later NEWLINE of a run: blank lines mean nothing,
     * and millions of them would otherwise become millions of tokens and parse-tree nodes.
     */
    private static final class BlankLinesSkipped implements TokenSource {
        private final AntimonyLexer lexer;
        private boolean afterNewline = true;

        BlankLinesSkipped(AntimonyLexer lexer) {
            this.lexer = lexer;
        }

        @Override
        public Token nextToken() {
            Token t = lexer.nextToken();
            while (afterNewline && t.getType() == AntimonyParser.NEWLINE) {
                t = lexer.nextToken();
            }
            afterNewline = t.getType() == AntimonyParser.NEWLINE;
            return t;
        }

        @Override
        public int getLine() {
            return lexer.getLine();
        }

        @Override
        public int getCharPositionInLine() {
            return lexer.getCharPositionInLine();
        }

        @Override
        public CharStream getInputStream() {
            return lexer.getInputStream();
        }

        @Override
        public String getSourceName() {
            return lexer.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            lexer.setTokenFactory(factory);
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return lexer.getTokenFactory();
        }
    }

    /** Reads a UTF-8 file; problems name the file as {@code path.toString()}. */
    public static Model read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    }

    /** Reads a UTF-8 file with its warnings; problems name the file as {@code path.toString()}. */
    public static AntimonyReading readWithWarnings(Path path) throws IOException {
        return parseWithWarnings(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    }

    /**
     * Nesting of parentheses, prefix operators and powers in one statement, counted generously
     * (every prefix operator and '^' counts as a level).
     */
    private static boolean tooDeep(CommonTokenStream tokens, Problems problems) {
        int parentheses = 0;
        int chained = 0;
        int previous = AntimonyParser.NEWLINE;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == AntimonyParser.NEWLINE || type == AntimonyParser.SEMI) {
                parentheses = 0;
                chained = 0;
            } else if (type == AntimonyParser.LPAREN) {
                parentheses++;
            } else if (type == AntimonyParser.RPAREN) {
                parentheses = Math.max(0, parentheses - 1);
            } else if (type == AntimonyParser.CARET || type == AntimonyParser.POW2
                    || (isPrefixOperator(type) && !endsOperand(previous))) {
                chained++;
            }
            if (parentheses + chained > MAX_NESTING) {
                problems.syntax(t, "expression nested too deeply: more than " + MAX_NESTING
                        + " levels of parentheses, signs and powers");
                return true;
            }
            previous = type;
        }
        return false;
    }

    /**
     * A literal such as 1e999 would silently become infinity: refused (write inf when infinity is
     * meant). A stoichiometry (a number followed by a species name) has its own message.
     */
    private static void numbersTooLarge(CommonTokenStream tokens, Problems problems) {
        List<Token> all = tokens.getTokens();
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            boolean stoichiometry = i + 1 < all.size() && (all.get(i + 1).getType() == AntimonyParser.ID
                    || all.get(i + 1).getType() == AntimonyParser.DOLLAR);
            if (t.getType() == AntimonyParser.NUMBER && !stoichiometry && mayOverflow(t.getText())
                    && Double.isInfinite(Double.parseDouble(t.getText()))) {
                problems.add(t, "the number '" + t.getText() + "' is too large to be a finite number"
                        + " (the largest is about 1.8e308; write inf if infinity is meant)");
            }
        }
    }

    /**
     * False for a number literal that is certainly finite: its value is below 10 to the power of
     * (characters before the exponent + the exponent), so only the rare candidates are parsed here
     * (the model's numbers are parsed again when expressions are built).
     */
    static boolean mayOverflow(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        int mantissa = e < 0 ? number.length() : e;
        if (e < 0) {
            return mantissa >= 300;
        }
        String exponent = number.substring(e + 1);
        return exponent.length() > 6 || mantissa + Integer.parseInt(exponent) >= 300;
    }

    private static boolean isPrefixOperator(int type) {
        return type == AntimonyParser.MINUS || type == AntimonyParser.PLUS || type == AntimonyParser.BANG
                || type == AntimonyParser.NOT;
    }

    private static boolean endsOperand(int type) {
        return type == AntimonyParser.ID || type == AntimonyParser.NUMBER || type == AntimonyParser.INF
                || type == AntimonyParser.NAN || type == AntimonyParser.RPAREN;
    }
}
