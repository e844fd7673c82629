package org.patchmap.core.features;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
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
     * y0 + a·exp(−k·x) with p = (a, k, y0), the tau fit's model. The fit knows its form: the Jacobian's
     * a and y0 columns leave k alone, so they reuse exp(−k·x) of the point itself, the same number
     * the model would compute again (half the exponentials of a fit, the same result).
     */
    static final Model EXP_DECAY = new Model() {
        @Override
        public double value(double x, double[] p) {
            return p[2] + p[0] * Math.exp(-p[1] * x);
        }
    };

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
        boolean expDecay = model == EXP_DECAY;
        MultivariateJacobianFunction f = point -> {
            double[] p = point.toArray();
            double[] value = new double[n];
            double[] e = expDecay ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                if (expDecay) {
                    e[i] = Math.exp(-p[1] * x[i]);
                    value[i] = p[2] + p[0] * e[i];
                } else {
                    value[i] = model.value(x[i], p);
                }
            }
            double[] jac = new double[n * np]; // column j at [j·n, (j + 1)·n)
            for (int j = 0; j < np; j++) {
                double h = SQRT_EPS * Math.abs(p[j]);
                if (h == 0) {
                    h = SQRT_EPS;
                }
                double[] q = p.clone();
                q[j] = p[j] + h;
                for (int i = 0; i < n; i++) {
                    double shifted = expDecay && j != 1 ? q[2] + q[0] * e[i] : model.value(x[i], q);
                    jac[j * n + i] = (shifted - value[i]) / h;
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false), new Jacobian(n, np, jac));
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

    /**
     * The Jacobian as commons-math's Levenberg-Marquardt uses it: its QR step asks only for
     * {@code scalarMultiply(-1).getData()}. Stored by columns in one array (not one small array per
     * point), and the product made in one pass into the rows the optimizer then works in, where the
     * inherited scalarMultiply goes entry by entry through checked getters and setters and getData
     * copies the result once more. The same products: the same fit.
     */
    private static final class Jacobian extends AbstractRealMatrix {
        private final int rows;
        private final int cols;
        private final double[] byColumn;

        Jacobian(int rows, int cols, double[] byColumn) {
            super(rows, cols);
            this.rows = rows;
            this.cols = cols;
            this.byColumn = byColumn;
        }

        @Override
        public int getRowDimension() {
            return rows;
        }

        @Override
        public int getColumnDimension() {
            return cols;
        }

        @Override
        public double getEntry(int row, int column) {
            MatrixUtils.checkMatrixIndex(this, row, column);
            return byColumn[column * rows + row];
        }

        @Override
        public void setEntry(int row, int column, double value) {
            MatrixUtils.checkMatrixIndex(this, row, column);
            byColumn[column * rows + row] = value;
        }

        @Override
        public RealMatrix createMatrix(int rowDimension, int columnDimension) {
            return new Array2DRowRealMatrix(rowDimension, columnDimension);
        }

        @Override
        public RealMatrix copy() {
            return new Jacobian(rows, cols, byColumn.clone());
        }

        @Override
        public RealMatrix scalarMultiply(double d) {
            double[][] out = new double[rows][cols];
            for (int j = 0; j < cols; j++) {
                int at = j * rows;
                for (int i = 0; i < rows; i++) {
                    out[i][j] = byColumn[at + i] * d;
                }
            }
            return new Scaled(out);
        }
    }

    /** A product made for the optimizer alone: getData hands over the array instead of a copy of it. */
    private static final class Scaled extends Array2DRowRealMatrix {
        Scaled(double[][] rows) {
            super(rows, false);
        }

        @Override
        public double[][] getData() {
            return getDataRef();
        }
    }
}
