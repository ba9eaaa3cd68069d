package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.*;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.text.antlr.AntimonyBaseVisitor;

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
        return visit(ctx.orExpr());
    }

    @Override
    public Expr visitOrExpr(OrExprContext ctx) {
        return leftFold(ctx.andExpr(), ctx.op);
    }

    @Override
    public Expr visitAndExpr(AndExprContext ctx) {
        return leftFold(ctx.eqExpr(), ctx.op);
    }

    @Override
    public Expr visitEqExpr(EqExprContext ctx) {
        return leftFold(ctx.relExpr(), ctx.op);
    }

    @Override
    public Expr visitRelExpr(RelExprContext ctx) {
        return leftFold(ctx.addExpr(), ctx.op);
    }

    @Override
    public Expr visitAddExpr(AddExprContext ctx) {
        return leftFold(ctx.mulExpr(), ctx.op);
    }

    @Override
    public Expr visitMulExpr(MulExprContext ctx) {
        return leftFold(ctx.unaryExpr(), ctx.op);
    }

    @Override
    public Expr visitUnaryExpr(UnaryExprContext ctx) {
        if (ctx.op == null) {
            return visit(ctx.powExpr());
        }
        UnaryExprContext operand = ctx.unaryExpr();
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

    private static boolean isBareNumber(UnaryExprContext u) {
        return u.op == null && u.powExpr().exponent == null && u.powExpr().primary() instanceof NumberLiteralContext;
    }

    @Override
    public Expr visitPowExpr(PowExprContext ctx) {
        Expr base = visit(ctx.primary());
        return ctx.exponent == null ? base : new Expr.Binary(BinaryOp.POW, base, visit(ctx.exponent));
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
        Expr result = visit(operands.get(0));
        for (int i = 0; i < ops.size(); i++) {
            Expr right = visit(operands.get(i + 1));
            result = ops.get(i).getType() == PERCENT ? remainder(result, right)
                    : new Expr.Binary(binaryOp(ops.get(i)), result, right);
        }
        return result;
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
