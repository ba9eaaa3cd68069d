package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.*;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.text.antlr.AntimonyBaseVisitor;
import org.osteon.util.Limits;

/**
 * Builds {@link Expr} trees from expression parse trees. Names are flattened by the scope they
 * are read in (inside submodel A, {@code S} is {@code A__S}); spellings of constants that only
 * libAntimony knows ({@code notanumber}, {@code TRUE}) become the ones Osteon uses.
 */
final class ExpressionBuilder extends AntimonyBaseVisitor<Expr> {
    private final Scope scope;

    ExpressionBuilder(Scope scope) {
        this.scope = scope;
    }

    ExpressionBuilder() {
        this(Scope.ROOT);
    }

    @Override
    public Expr visitExpr(ExprContext ctx) {
        return visit(ctx.getChild(0)); // orExpr, or the level below it that ExpressionChains kept
    }

    @Override
    public Expr visitOrExpr(OrExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    @Override
    public Expr visitAndExpr(AndExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    @Override
    public Expr visitEqExpr(EqExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    @Override
    public Expr visitRelExpr(RelExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    @Override
    public Expr visitAddExpr(AddExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    @Override
    public Expr visitMulExpr(MulExprContext ctx) {
        return ctx.op.isEmpty() ? only(ctx) : leftFold(operands(ctx), ctx.op);
    }

    /**
     * The operands of a precedence level with operators: its rule children, whatever level each is
     * (ExpressionChains replaces a level without operators by its child).
     */
    private static List<ParserRuleContext> operands(ParserRuleContext ctx) {
        return ctx.getRuleContexts(ParserRuleContext.class);
    }

    /**
     * A precedence level without an operator has its operand as its one child: visited directly,
     * without the list of operands the generated accessors build (every number and name of a
     * model passes through eight such levels).
     */
    private Expr only(ParserRuleContext ctx) {
        if (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof ParserRuleContext operand) {
            return visit(operand);
        }
        return visit(ctx.getRuleContext(ParserRuleContext.class, 0));
    }

    @Override
    public Expr visitUnaryExpr(UnaryExprContext ctx) {
        if (ctx.op == null) {
            return only(ctx);
        }
        ParserRuleContext operand = (ParserRuleContext) ctx.getChild(1);
        switch (ctx.op.getType()) {
            case PLUS:
                return visit(operand);
            case MINUS:
                // "-3" is the number -3, but "-(3)" and "-3^2" are negations
                if (isBareNumber(operand)) {
                    return new Expr.Num(-((Expr.Num) visit(operand)).value());
                }
                return new Expr.Unary(Expr.UnaryOp.NEG, visit(operand));
            default:
                return new Expr.Unary(Expr.UnaryOp.NOT, visit(operand));
        }
    }

    /** A number literal without an operator or exponent, through the levels ExpressionChains may have kept. */
    private static boolean isBareNumber(ParserRuleContext operand) {
        ParserRuleContext c = operand;
        while ((c instanceof UnaryExprContext || c instanceof PowExprContext) && c.getChildCount() == 1
                && c.getChild(0) instanceof ParserRuleContext only) {
            c = only;
        }
        return c instanceof NumberLiteralContext;
    }

    @Override
    public Expr visitPowExpr(PowExprContext ctx) {
        if (ctx.exponent == null) {
            return only(ctx);
        }
        // children: base, '^' or '**', exponent (read as children: the exponent may have been shortened)
        Expr base = visit(ctx.getChild(0));
        return new Expr.Binary(BinaryOp.POW, base, visit(ctx.getChild(2)));
    }

    @Override
    public Expr visitNumberLiteral(NumberLiteralContext ctx) {
        return new Expr.Num(number(ctx.getStart()));
    }

    @Override
    public Expr visitCall(CallContext ctx) {
        return new Expr.Call(ctx.name.getText(), ctx.expr().stream().map(this::visit).toList());
    }

    @Override
    public Expr visitSymbol(SymbolContext ctx) {
        String name = ctx.qname().getText();
        switch (name) {
            case "nan":
            case "NAN":
            case "notanumber":
                return new Expr.Num(Double.NaN);
            case "True":
            case "TRUE":
                return new Expr.Sym("true");
            case "False":
            case "FALSE":
                return new Expr.Sym("false");
            default:
                return new Expr.Sym(scope.flat(name));
        }
    }

    @Override
    public Expr visitParenthesized(ParenthesizedContext ctx) {
        return visit(ctx.expr());
    }

    /** Value of a NUMBER, {@code inf} or {@code NaN} token. */
    static double number(Token t) {
        switch (t.getType()) {
            case INF:
                return Double.POSITIVE_INFINITY;
            case NAN:
                return Double.NaN;
            default:
                return Double.parseDouble(t.getText());
        }
    }

    /** A plain, possibly signed number as written: {@code 3}, {@code -1e-3}, {@code inf}. */
    static boolean isLiteral(ParserRuleContext expr) {
        Token start = expr.getStart();
        Token stop = expr.getStop();
        if (stop == null || !isNumberToken(stop.getType())) {
            return false;
        }
        if (start == stop) {
            return true;
        }
        return stop.getTokenIndex() == start.getTokenIndex() + 1
                && (start.getType() == MINUS || start.getType() == PLUS);
    }

    private static boolean isNumberToken(int type) {
        return type == NUMBER || type == INF || type == NAN;
    }

    private Expr leftFold(List<? extends ParserRuleContext> operands, List<Token> ops) {
        if (operands.size() >= Limits.BALANCED_CHAIN_FROM && family(ops) != null) {
            return balanced(operands, ops);
        }
        Expr result = visit(operands.get(0));
        for (int i = 0; i < ops.size(); i++) {
            Expr right = visit(operands.get(i + 1));
            result = ops.get(i).getType() == PERCENT ? remainder(result, right)
                    : new Expr.Binary(binaryOp(ops.get(i)), result, right);
        }
        return result;
    }

    /**
     * A long chain such as {@code a - b + c + ... } (tens of thousands of terms are written by
     * generators) becomes a balanced tree of the same value, so that every recursive pass over
     * expressions (inlining, differentiation, code generation, evaluation) works at depth log n
     * instead of n. Signs are redistributed exactly: {@code L - (c + d)} for {@code L - c - d}.
     * Only the rounding of the sum can differ from left-to-right evaluation. Written back, the
     * tree reads as the same tree (right-hand groups in parentheses), so text round-trips.
     */
    private Expr balanced(List<? extends ParserRuleContext> operands, List<Token> ops) {
        Expr[] terms = new Expr[operands.size()];
        boolean[] inverse = new boolean[operands.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = visit(operands.get(i));
            inverse[i] = i > 0 && (ops.get(i - 1).getType() == MINUS || ops.get(i - 1).getType() == SLASH);
        }
        BinaryOp[] family = family(ops);
        return balanced(terms, inverse, 0, terms.length, false, family[0], family[1]);
    }

    /** Terms [lo, hi), the first taken as it is, the sign of each other one flipped when {@code flip}. */
    private static Expr balanced(Expr[] terms, boolean[] inverse, int lo, int hi, boolean flip, BinaryOp direct,
                                 BinaryOp inverseOp) {
        if (hi - lo == 1) {
            return terms[lo];
        }
        int mid = (lo + hi) >>> 1;
        Expr left = balanced(terms, inverse, lo, mid, flip, direct, inverseOp);
        boolean rightInverse = inverse[mid] ^ flip;
        // L - (t_mid ...): inside the parentheses the signs of the following terms turn round.
        Expr right = balanced(terms, inverse, mid, hi, flip ^ rightInverse, direct, inverseOp);
        return new Expr.Binary(rightInverse ? inverseOp : direct, left, right);
    }

    /** {direct, inverse} operators of a chain that can be regrouped, or null. */
    private static BinaryOp[] family(List<Token> ops) {
        int first = ops.get(0).getType();
        boolean additive = first == PLUS || first == MINUS;
        boolean multiplicative = first == STAR || first == SLASH;
        boolean or = first == OR_OR || first == OR;
        boolean and = first == AND_AND || first == AND;
        for (Token t : ops) {
            int type = t.getType();
            boolean ok = additive ? type == PLUS || type == MINUS
                    : multiplicative ? type == STAR || type == SLASH
                    : or ? type == OR_OR || type == OR
                    : and && (type == AND_AND || type == AND);
            if (!ok) {
                return null; // comparisons, %: kept in written order
            }
        }
        if (additive) {
            return new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB};
        }
        if (multiplicative) {
            return new BinaryOp[] {BinaryOp.MUL, BinaryOp.DIV};
        }
        BinaryOp op = binaryOp(ops.get(0));
        return new BinaryOp[] {op, op};
    }

    /**
     * {@code a % b}, the remainder with the sign of {@code a}, written as libSBML's formula parser
     * writes it in MathML: {@code piecewise(a - b*ceil(a/b), xor(a < 0, b < 0), a - b*floor(a/b))}.
     */
    static Expr remainder(Expr a, Expr b) {
        Expr ratio = new Expr.Binary(BinaryOp.DIV, a, b);
        Expr towardZero = new Expr.Binary(BinaryOp.SUB, a,
                new Expr.Binary(BinaryOp.MUL, b, new Expr.Call("ceil", List.of(ratio))));
        Expr down = new Expr.Binary(BinaryOp.SUB, a,
                new Expr.Binary(BinaryOp.MUL, b, new Expr.Call("floor", List.of(ratio))));
        Expr signsDiffer = new Expr.Call("xor", List.of(new Expr.Binary(BinaryOp.LT, a, Expr.Num.ZERO),
                new Expr.Binary(BinaryOp.LT, b, Expr.Num.ZERO)));
        return new Expr.Call("piecewise", List.of(towardZero, signsDiffer, down));
    }

    private static BinaryOp binaryOp(Token t) {
        switch (t.getType()) {
            case OR_OR:
            case OR:
                return BinaryOp.OR;
            case AND_AND:
            case AND:
                return BinaryOp.AND;
            case EQ:
                return BinaryOp.EQ;
            case NE:
                return BinaryOp.NE;
            case LT:
                return BinaryOp.LT;
            case LE:
                return BinaryOp.LE;
            case GT:
                return BinaryOp.GT;
            case GE:
                return BinaryOp.GE;
            case PLUS:
                return BinaryOp.ADD;
            case MINUS:
                return BinaryOp.SUB;
            case STAR:
                return BinaryOp.MUL;
            case SLASH:
                return BinaryOp.DIV;
            default:
                throw new IllegalStateException("not a binary operator: " + t.getText());
        }
    }
}
