package org.patchmap.core.map;

import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * UMAP's low-dimensional similarity 1 / (1 + a d^(2b)), a and b fitted to min_dist and spread by least
 * squares as umap-learn's find_ab_params (300 points on 0..3·spread, target 1 below min_dist and
 * exp(−(d − min_dist)/spread) above); Levenberg–Marquardt from commons-math, as scipy's curve_fit.
 *
 * @param a curve parameter a
 * @param b curve parameter b
 */
public record UmapCurve(double a, double b) {
    private static final int POINTS = 300;

    public static UmapCurve fit(double minDist, double spread) {
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int i = 0; i < POINTS; i++) {
            double x = spread * 3 * i / (POINTS - 1);
            points.add(x, x < minDist ? 1 : Math.exp(-(x - minDist) / spread));
        }
        double[] ab = SimpleCurveFitter.create(new Curve(), new double[] {1, 1}).withMaxIterations(10_000)
                .fit(points.toList());
        return new UmapCurve(ab[0], ab[1]);
    }

    private static final class Curve implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... p) {
            return 1 / (1 + p[0] * Math.pow(x, 2 * p[1]));
        }

        @Override
        public double[] gradient(double x, double... p) {
            if (x == 0) {
                return new double[] {0, 0};
            }
            double x2b = Math.pow(x, 2 * p[1]);
            double denom = (1 + p[0] * x2b) * (1 + p[0] * x2b);
            return new double[] {-x2b / denom, -p[0] * x2b * 2 * Math.log(x) / denom};
        }
    }
}
