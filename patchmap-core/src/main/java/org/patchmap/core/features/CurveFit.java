package org.patchmap.core.features;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Nonlinear least squares the way ipfx gets it from scipy's {@code curve_fit} (method "lm" =
 * MINPACK {@code lmdif}): commons-math's Levenberg-Marquardt (a port of MINPACK's {@code lmder})
 * fed the same forward-difference Jacobian as {@code lmdif}'s {@code fdjac2} (step
 * sqrt(machine eps)·|p|, or sqrt(eps) when p = 0), with scipy's default tolerances
 * (ftol = xtol = 1.49012e-8, gtol = 0) and evaluation budget (200·(n+1) model calls). Same
 * method, same start, same Jacobian: the fits land in the same minimum as the reference's,
 * which matters for the f-I fit, whose cost surface has several.
 */
final class CurveFit {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
    private static final double TOLERANCE = 1.49012e-8;

    /** y = f(x; p). */
    @FunctionalInterface
    interface Model {
        double value(double x, double[] p);
    }

    /**
     * @param params  fitted parameters (null when the fit failed)
     * @param rmse    root mean square residual at the fitted parameters, in the unit of y
     * @param failure why the fit failed, null when it converged
     */
    record Result(double[] params, double rmse, String failure) {
        boolean converged() {
            return failure == null;
        }
    }

    private CurveFit() {
    }

    static Result fit(Model model, double[] x, double[] y, double[] start) {
        int n = x.length;
        int np = start.length;
        if (n < np) {
            return new Result(null, Double.NaN, n + " points for " + np + " parameters");
        }
        MultivariateJacobianFunction f = point -> {
            double[] p = point.toArray();
            double[] value = new double[n];
            for (int i = 0; i < n; i++) {
                value[i] = model.value(x[i], p);
            }
            double[][] jac = new double[n][np];
            for (int j = 0; j < np; j++) {
                double h = SQRT_EPS * Math.abs(p[j]);
                if (h == 0) {
                    h = SQRT_EPS;
                }
                double[] q = p.clone();
                q[j] = p[j] + h;
                for (int i = 0; i < n; i++) {
                    jac[i][j] = (model.value(x[i], q) - value[i]) / h;
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(f)
                .target(y)
                .lazyEvaluation(false)
                .maxEvaluations(200 * (np + 1)) // counted as lmdif counts model calls, roughly
                .maxIterations(Integer.MAX_VALUE)
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(TOLERANCE)
                .withParameterRelativeTolerance(TOLERANCE)
                .withOrthoTolerance(0);
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = lm.optimize(problem);
        } catch (RuntimeException e) { // commons-math's convergence and evaluation-count exceptions
            return new Result(null, Double.NaN, "fit did not converge: " + e.getMessage());
        }
        double[] p = optimum.getPoint().toArray();
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return new Result(null, Double.NaN, "fit diverged");
            }
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = model.value(x[i], p) - y[i];
            ss += r * r;
        }
        return new Result(p, Math.sqrt(ss / n), null);
    }
}
