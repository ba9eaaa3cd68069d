package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.model.expr.Expr.BinaryOp.ADD;
import static org.osteon.model.expr.Expr.BinaryOp.MUL;
import static org.osteon.model.expr.Expr.bin;
import static org.osteon.model.expr.Expr.call;
import static org.osteon.model.expr.Expr.num;
import static org.osteon.model.expr.Expr.sym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.Metadata;
import org.osteon.model.expr.Expr;

/**
 * {@link InlinedSize} counts the nodes an expression has once user functions are inlined without
 * inlining. Checked against hand counts and against an independent inliner (substitute, then
 * count) on seeded random function libraries.
 */
class InlinedSizeTest {
    private static FunctionDefinition fn(String id, List<String> params, Expr body) {
        return new FunctionDefinition(id, params, body, Metadata.EMPTY);
    }

    private static Map<String, FunctionDefinition> library(FunctionDefinition... defs) {
        Map<String, FunctionDefinition> m = new LinkedHashMap<>();
        for (FunctionDefinition d : defs) {
            m.put(d.id(), d);
        }
        return m;
    }

    @Test
    void sizesByHand() {
        // sq(a) = a * a: one node of its own, a twice. sq(x) = x * x: 3 nodes; sq(sq(x)) = 7; sq(sq(sq(x))) = 15.
        // first(a, b) = a: b never appears, so first(x, <anything>) is 1 node.
        // ext is external and wrong(a) = a is called with two arguments: both stay calls (1 + arguments).
        Map<String, FunctionDefinition> lib = library(
                fn("sq", List.of("a"), bin(MUL, sym("a"), sym("a"))),
                fn("first", List.of("a", "b"), sym("a")),
                fn("ext", List.of("a"), null),
                fn("wrong", List.of("a"), sym("a")),
                fn("twice", List.of("a", "b"), bin(ADD, call("sq", sym("a")), bin(MUL, num(2), sym("b")))));
        InlinedSize size = new InlinedSize(lib);
        assertThat(size.of(sym("x"))).isEqualTo(1);
        assertThat(size.of(num(3))).isEqualTo(1);
        assertThat(size.of(new Expr.Unary(Expr.UnaryOp.NEG, sym("x")))).isEqualTo(2);
        assertThat(size.of(bin(ADD, sym("x"), num(1)))).isEqualTo(3);
        assertThat(size.of(call("sq", sym("x")))).isEqualTo(3);
        assertThat(size.of(call("sq", call("sq", sym("x"))))).isEqualTo(7);
        assertThat(size.of(call("sq", call("sq", call("sq", sym("x")))))).isEqualTo(15);
        assertThat(size.of(call("sq", bin(ADD, sym("x"), num(1))))).isEqualTo(7); // (x + 1) * (x + 1)
        assertThat(size.of(call("first", sym("x"), call("sq", call("sq", sym("y")))))).isEqualTo(1);
        assertThat(size.of(call("ext", bin(ADD, sym("x"), num(1))))).isEqualTo(4);
        assertThat(size.of(call("wrong", sym("x"), sym("y")))).isEqualTo(3);
        assertThat(size.of(call("unknown"))).isEqualTo(1);
        // twice(u, v) = sq(u) + 2 * v = u * u + 2 * v: 7 nodes; with u = -x (2 nodes): 9
        assertThat(size.of(call("twice", sym("u"), sym("v")))).isEqualTo(7);
        assertThat(size.of(call("twice", new Expr.Unary(Expr.UnaryOp.NEG, sym("x")), sym("v")))).isEqualTo(9);
        // a node of f (not a parameter) inside a call argument counts once per occurrence
        assertThat(size.of(bin(ADD, call("sq", sym("x")), call("sq", sym("x"))))).isEqualTo(7);
    }

    @Test
    void deepNestingSaturatesInsteadOfExploding() {
        // f_k(a) = f_{k-1}(a) + f_{k-1}(a), f_0(a) = a: f_k(x) has 2^(k+1) - 1 nodes
        Map<String, FunctionDefinition> lib = new LinkedHashMap<>();
        lib.put("f0", fn("f0", List.of("a"), sym("a")));
        for (int k = 1; k <= 60; k++) {
            lib.put("f" + k, fn("f" + k, List.of("a"), bin(ADD, call("f" + (k - 1), sym("a")), call("f" + (k - 1), sym("a")))));
        }
        InlinedSize size = new InlinedSize(lib);
        assertThat(size.of(call("f10", sym("x")))).isEqualTo(2047);
        assertThat(size.of(call("f60", sym("x")))).isEqualTo(Math.pow(2, 61) - 1);
    }

    /** Random libraries of non-recursive functions: the count equals the node count of the inlined tree. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void equalsTheSizeOfTheInlinedExpression(long seed) {
        Random r = new Random(seed);
        Map<String, FunctionDefinition> lib = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            int arity = 1 + r.nextInt(3);
            List<String> params = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                params.add("p" + i);
            }
            String id = "f" + f;
            lib.put(id, fn(id, params, random(r, params, names, lib, 3)));
            names.add(id);
        }
        lib.put("ext", fn("ext", List.of("a", "b"), null));
        names.add("ext");
        InlinedSize size = new InlinedSize(lib);
        for (int i = 0; i < 30; i++) {
            Expr e = random(r, List.of(), names, lib, 4);
            assertThat(size.of(e)).as("%s", e).isEqualTo(count(inline(e, lib, Map.of())));
        }
    }

    private static Expr random(Random r, List<String> params, List<String> functions, Map<String, FunctionDefinition> lib, int depth) {
        int kind = depth == 0 ? r.nextInt(2) : r.nextInt(6);
        switch (kind) {
            case 0:
                return params.isEmpty() || r.nextBoolean() ? sym("s" + r.nextInt(3)) : sym(params.get(r.nextInt(params.size())));
            case 1:
                return num(r.nextInt(5));
            case 2:
                return new Expr.Unary(Expr.UnaryOp.NEG, random(r, params, functions, lib, depth - 1));
            case 3:
                return bin(r.nextBoolean() ? ADD : MUL, random(r, params, functions, lib, depth - 1),
                        random(r, params, functions, lib, depth - 1));
            default:
                if (functions.isEmpty()) {
                    return sym("s0");
                }
                String f = functions.get(r.nextInt(functions.size()));
                int n = lib.get(f).parameters().size() + (r.nextInt(5) == 0 ? 1 : 0); // sometimes the wrong arity
                List<Expr> args = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    args.add(random(r, params, functions, lib, depth - 1));
                }
                return new Expr.Call(f, args);
        }
    }

    /** Independent inliner: substitutes arguments into bodies (external or wrong-arity calls stay). */
    private static Expr inline(Expr e, Map<String, FunctionDefinition> lib, Map<String, Expr> bound) {
        if (e instanceof Expr.Sym s) {
            return bound.getOrDefault(s.name(), s);
        }
        if (e instanceof Expr.Num) {
            return e;
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), inline(u.operand(), lib, bound));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), inline(b.left(), lib, bound), inline(b.right(), lib, bound));
        }
        Expr.Call c = (Expr.Call) e;
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(inline(a, lib, bound));
        }
        FunctionDefinition d = lib.get(c.function());
        if (d == null || d.isExternal() || d.parameters().size() != args.size()) {
            return new Expr.Call(c.function(), args);
        }
        Map<String, Expr> inner = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            inner.put(d.parameters().get(i), args.get(i));
        }
        return inline(d.body(), lib, inner);
    }

    private static double count(Expr e) {
        if (e instanceof Expr.Unary u) {
            return 1 + count(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return 1 + count(b.left()) + count(b.right());
        }
        if (e instanceof Expr.Call c) {
            double n = 1;
            for (Expr a : c.args()) {
                n += count(a);
            }
            return n;
        }
        return 1;
    }
}
