package org.patchmap.core.map;

import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

/**
 * Smile's full-covariance Gaussian whose M-step adds a fixed amount to the covariance's diagonal, as
 * scikit-learn's {@code reg_covar}: without it a component can shrink onto cells that share one value of a
 * stepped feature (rheobase comes in 20 or 50 pA steps) and win likelihood for a grouping no cell type has.
 */
final class FlooredGaussian extends MultivariateGaussianDistribution {
    private final double floor;

    FlooredGaussian(double[] mean, Matrix cov, double floor) {
        super(mean, cov);
        this.floor = floor;
    }

    @Override
    public MultivariateMixture.Component M(double[][] x, double[] posteriori) {
        MultivariateMixture.Component c = super.M(x, posteriori);
        MultivariateGaussianDistribution g = (MultivariateGaussianDistribution) c.distribution;
        Matrix cov = g.sigma.clone();
        for (int f = 0; f < cov.nrows(); f++) {
            cov.add(f, f, floor);
        }
        return new MultivariateMixture.Component(c.priori, new FlooredGaussian(g.mu, cov, floor));
    }
}
