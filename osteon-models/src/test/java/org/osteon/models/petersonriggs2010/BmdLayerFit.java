package org.osteon.models.petersonriggs2010;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.osteon.models.BoneModelVerification;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/**
 * Estimates the four parameters of the BMD_LS layer (kout_LS, gamOB_LS, gamOC_LS, gamRX_LS) by least
 * squares on lumbar-spine BMD of training arms, and reports training and held-out errors.
 *
 * <p>BMD_LS feeds nothing back, so the layer is fitted on its own: each arm is simulated once with the
 * full model and its osteoblast and osteoclast ratios (OBfrac, OCfrac) and RUNX2 signal recorded every
 * hour; the layer's linear ODE is then integrated along those inputs (classical RK4 on the hourly
 * grid, inputs linear between samples; the final estimate is checked with the full model). Run on demand: {@code main()} prints the estimate and the per-arm errors.
 */
final class BmdLayerFit {
    static final double GRID_H = 1;
    /** Training set: the phase 2 60 mg Q6M arm (P&R 2012's calibration arm) and the 24-month teriparatide arm 15. */
    static final List<String> TRAINING = List.of("den5", "teri15");
    /** kout_LS, gamOB_LS, gamOC_LS, gamRX_LS. */
    static final int NP = 4;

    /** An arm's model inputs on the grid and its LS-BMD data. */
    record Drive(TrialArms.Arm arm, double[] ob, double[] oc, double[] rx) {
    }

    private BmdLayerFit() {
    }

    static Drive drive(TrialArms.Arm arm) {
        String cache = System.getProperty("bmdfit.cache");
        java.nio.file.Path file = cache == null ? null : java.nio.file.Path.of(cache, arm.id() + ".bin");
        if (file != null && java.nio.file.Files.exists(file)) {
            try (var in = new java.io.ObjectInputStream(java.nio.file.Files.newInputStream(file))) {
                double[][] c = (double[][]) in.readObject();
                return new Drive(arm, c[0], c[1], c[2]);
            } catch (java.io.IOException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        Drive d = simulate(arm);
        if (file != null) {
            try (var out = new java.io.ObjectOutputStream(java.nio.file.Files.newOutputStream(file))) {
                out.writeObject(new double[][] {d.ob(), d.oc(), d.rx()});
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return d;
    }

    private static Drive simulate(TrialArms.Arm arm) {
        var s = arm.scenario(GRID_H);
        Trajectory tr = BoneModelVerification.run(s, new ScenarioRunner(BoneModelVerification.CATALOG).settings(s));
        double[] rx = tr.column("RUNX2").clone();
        for (int i = 0; i < rx.length; i++) {
            rx[i] /= 10; // RUNX20
        }
        return new Drive(arm, tr.column("OBfrac"), tr.column("OCfrac"), rx);
    }

    /** BMD_LS change in percent at each LS-BMD observation of the arm, for layer parameters p = (kout, gOB, gOC, gRX). */
    static double[] predict(Drive d, double[] p) {
        List<TrialArms.Point> obs = d.arm().data().get(TrialArms.Measure.LS_BMD);
        double[] out = new double[obs.size()];
        double bmd = 1;
        int next = 0;
        double h = GRID_H;
        for (int i = 0; ; i++) {
            double t = i * h;
            while (next < obs.size() && Math.abs(obs.get(next).time() - t) < 1e-9) {
                out[next++] = 100 * (bmd - 1);
            }
            if (next == obs.size() || i + 1 >= d.ob().length) {
                break;
            }
            // RK4 on [t, t+h] with inputs linear in between
            double obm = 0.5 * (d.ob()[i] + d.ob()[i + 1]);
            double ocm = 0.5 * (d.oc()[i] + d.oc()[i + 1]);
            double rxm = 0.5 * (d.rx()[i] + d.rx()[i + 1]);
            double k1 = rhs(p, d.ob()[i], d.oc()[i], d.rx()[i], bmd);
            double k2 = rhs(p, obm, ocm, rxm, bmd + h / 2 * k1);
            double k3 = rhs(p, obm, ocm, rxm, bmd + h / 2 * k2);
            double k4 = rhs(p, d.ob()[i + 1], d.oc()[i + 1], d.rx()[i + 1], bmd + h * k3);
            bmd += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        if (next != obs.size()) {
            throw new IllegalStateException("observation off the hourly grid in arm " + d.arm().id());
        }
        return out;
    }

    /** The layer as in petersonriggs2010.ant, p = (kout, gOB, gOC, gRX): BMD' = kout*(OB^gOB*RX^gRX - OC^gOC*BMD), relative to baseline. */
    private static double rhs(double[] p, double ob, double oc, double rx, double bmd) {
        return p[0] * (Math.pow(ob, p[1]) * Math.pow(rx, p[3]) - Math.pow(oc, p[2]) * bmd);
    }

    static double rmse(Drive d, double[] p) {
        double[] pred = predict(d, p);
        List<TrialArms.Point> obs = d.arm().data().get(TrialArms.Measure.LS_BMD);
        double ss = 0;
        for (int i = 0; i < pred.length; i++) {
            double r = pred[i] - (obs.get(i).percent() - 100);
            ss += r * r;
        }
        return Math.sqrt(ss / pred.length);
    }

    /** Least squares on the training drives from a start p0; parameters on a log scale (all positive). */
    static double[] fit(List<Drive> training, double[] p0) {
        int n = training.stream().mapToInt(d -> d.arm().data().get(TrialArms.Measure.LS_BMD).size()).sum();
        double[] target = new double[n];
        int k = 0;
        for (Drive d : training) {
            for (TrialArms.Point pt : d.arm().data().get(TrialArms.Measure.LS_BMD)) {
                target[k++] = pt.percent() - 100;
            }
        }
        var model = (org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction) theta -> {
            double[] value = values(training, exp(theta.toArray()), n);
            RealMatrix jac = new Array2DRowRealMatrix(n, NP);
            for (int j = 0; j < NP; j++) {
                double[] th = theta.toArray();
                th[j] += 1e-6;
                double[] v = values(training, exp(th), n);
                for (int i = 0; i < n; i++) {
                    jac.setEntry(i, j, (v[i] - value[i]) / 1e-6);
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value), jac);
        };
        double[] start = new double[NP];
        for (int j = 0; j < NP; j++) {
            start[j] = Math.log(p0[j]);
        }
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(model).target(target).start(start).maxEvaluations(10_000).maxIterations(2_000).build());
        return exp(opt.getPoint().toArray());
    }

    private static double[] values(List<Drive> drives, double[] p, int n) {
        double[] out = new double[n];
        int k = 0;
        for (Drive d : drives) {
            for (double v : predict(d, p)) {
                out[k++] = v;
            }
        }
        return out;
    }

    private static double[] exp(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i]);
        }
        return y;
    }

    public static void main(String[] args) {
        List<TrialArms.Arm> arms = new ArrayList<>(TrialArms.denosumab());
        arms.addAll(TrialArms.teriparatide());
        arms.add(TrialArms.combination());
        arms.removeIf(a -> a.data().getOrDefault(TrialArms.Measure.LS_BMD, List.of()).isEmpty());
        Map<String, Drive> drives = new LinkedHashMap<>();
        for (TrialArms.Arm a : arms) {
            long t0 = System.nanoTime();
            drives.put(a.id(), drive(a));
            System.err.printf(Locale.ROOT, "simulated %s (%d doses) in %.1f s%n", a.id(), a.doses().size(), (System.nanoTime() - t0) / 1e9);
        }
        List<Drive> training = TRAINING.stream().map(drives::get).toList();
        double[] start = args.length == NP ? java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray()
                : new double[] {1.45e-4, 0.0793, 0.0679, 0.2};
        double[] p = fit(training, start);
        System.out.printf(Locale.ROOT, "kout_LS = %.6g; gamOB_LS = %.6g; gamOC_LS = %.6g; gamRX_LS = %.6g%n", p[0], p[1], p[2], p[3]);
        // OpenBoneMin's BMDlsDEN is this layer with its own values and no RUNX2 term
        double[] openBoneMin = {1.45e-4, 0.0793, 0.0679, 0};
        System.out.println("arm,set,points,rmse_pp,openbonemin_bmdlsden_rmse_pp");
        for (Drive d : drives.values()) {
            System.out.printf(Locale.ROOT, "%s,%s,%d,%.3f,%.3f%n", d.arm().id(), TRAINING.contains(d.arm().id()) ? "training" : "held-out",
                    d.arm().data().get(TrialArms.Measure.LS_BMD).size(), rmse(d, p), rmse(d, openBoneMin));
        }
    }
}
