package org.osteon.compile;

/**
 * The generated code behind {@link ParameterDerivatives}. Public only because generated classes
 * must implement it.
 */
public interface SensitivityKernel {
    void rhs(double t, double[] y, double[] p, double[] out);

    void outputsByState(double t, double[] y, double[] p, double[] out);

    void outputsByParameter(double t, double[] y, double[] p, double[] out);
}
