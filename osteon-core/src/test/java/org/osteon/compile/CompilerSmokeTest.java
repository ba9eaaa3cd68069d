package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osteon.model.expr.Expr.BinaryOp.ADD;
import static org.osteon.model.expr.Expr.BinaryOp.DIV;
import static org.osteon.model.expr.Expr.BinaryOp.MUL;
import static org.osteon.model.expr.Expr.BinaryOp.POW;
import static org.osteon.model.expr.Expr.BinaryOp.SUB;
import static org.osteon.model.expr.Expr.bin;
import static org.osteon.model.expr.Expr.num;
import static org.osteon.model.expr.Expr.sym;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;

class CompilerSmokeTest {
    /** Komarova 2003 power-law model written with the builder (no text format needed). */
    static Model komarova() {
        Model.Builder b = Model.builder("komarova");
        double[][] pv = {{3}, {4}, {0.2}, {0.02}, {0.5}, {-0.5}, {1.0}, {0.0}};
        String[] names = {"a1", "a2", "b1", "b2", "g11", "g21", "g12", "g22"};
        for (int i = 0; i < names.length; i++) {
            b.parameter(new Parameter(names[i], pv[i][0], true, Metadata.EMPTY));
        }
        b.parameter(new Parameter("x1", 11, false, Metadata.EMPTY));
        b.parameter(new Parameter("x2", 212, false, Metadata.EMPTY));
        b.parameter(new Parameter("prodOC", Double.NaN, false, Metadata.EMPTY));
        b.rule(new Rule.Assignment("prodOC", bin(MUL, bin(MUL, sym("a1"), bin(POW, sym("x1"), sym("g11"))),
                bin(POW, sym("x2"), sym("g21")))));
        b.rule(new Rule.Rate("x1", bin(SUB, sym("prodOC"), bin(MUL, sym("b1"), sym("x1")))));
        b.rule(new Rule.Rate("x2", bin(SUB, bin(MUL, bin(MUL, sym("a2"), bin(POW, sym("x1"), sym("g12"))),
                bin(POW, sym("x2"), sym("g22"))), bin(MUL, sym("b2"), sym("x2")))));
        return b.build();
    }

    @Test
    void bytecodeAndInterpreterAgreeAndJacobianMatchesFiniteDifferences() {
        CompiledModel fast = ModelCompiler.compile(komarova());
        CompiledModel slow = ModelCompiler.compile(komarova(), CompileOptions.DEFAULT.withBackend(CompileOptions.Backend.INTERPRETER));
        assertThat(fast.layout().states()).extracting(Variable::id).containsExactly("x1", "x2");
        assertThat(fast.layout().outputs()).extracting(Variable::id).containsExactly("prodOC");
        double[] y = {3.7, 150.0};
        double[] p = fast.defaultParameters();
        double[] d1 = new double[2];
        double[] d2 = new double[2];
        fast.derivatives(0, y, p, d1);
        slow.derivatives(0, y, p, d2);
        assertThat(d1).containsExactly(d2);
        // hand value: 3*sqrt(3.7)/sqrt(150) - 0.2*3.7
        assertThat(d1[0]).isCloseTo(3 * Math.sqrt(3.7) / Math.sqrt(150) - 0.74, org.assertj.core.data.Offset.offset(1e-14));
        double[] jac = new double[4];
        fast.jacobian(0, y, p, jac);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[j] += h * y[j];
            ym[j] -= h * y[j];
            double[] fp = new double[2];
            double[] fm = new double[2];
            fast.derivatives(0, yp, p, fp);
            fast.derivatives(0, ym, p, fm);
            for (int i = 0; i < 2; i++) {
                double fd = (fp[i] - fm[i]) / (2 * h * y[j]);
                assertThat(jac[i * 2 + j]).as("J[%d][%d]", i, j).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void reportsEveryStaticProblem() {
        Model m = Model.builder("bad")
                .parameter(new Parameter("k", 1, true, Metadata.EMPTY))
                .parameter(new Parameter("a", Double.NaN, false, Metadata.EMPTY))
                .parameter(new Parameter("b", Double.NaN, false, Metadata.EMPTY))
                .parameter(new Parameter("x", 1, false, Metadata.EMPTY))
                .rule(new Rule.Assignment("a", bin(ADD, sym("b"), num(1))))
                .rule(new Rule.Assignment("b", bin(MUL, sym("a"), sym("kk"))))
                .rule(new Rule.Rate("x", bin(DIV, sym("a"), sym("k"))))
                .rule(new Rule.Assignment("x", num(2)))
                .build();
        assertThatThrownBy(() -> ModelCompiler.compile(m))
                .isInstanceOf(CompileException.class)
                .satisfies(e -> assertThat(((CompileException) e).problems()).anySatisfy(s -> assertThat(s).contains("undefined symbol 'kk'").contains("did you mean 'k'"))
                        .anySatisfy(s -> assertThat(s).contains("cycle"))
                        .anySatisfy(s -> assertThat(s).contains("both an assignment rule and a rate rule")));
        assertThat(List.of()).isEmpty();
    }
}
