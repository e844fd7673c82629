package org.patchmap.core.map;

import smile.math.matrix.Matrix;
import smile.projection.PCA;

/**
 * The map's PCA view: the scaled features on their first two principal axes (Smile's PCA on the covariance).
 * Each axis is signed so its largest loading is positive: an eigenvector's sign is arbitrary, and this keeps
 * the picture the same across LAPACK builds.
 */
public final class PrincipalPlane {
    private PrincipalPlane() {
    }

    /** Per row (pc1, pc2); zeros when there are fewer than 3 rows. */
    public static double[][] project(double[][] rows) {
        int n = rows.length;
        double[][] out = new double[n][2];
        if (n < 3) {
            return out;
        }
        PCA pca = PCA.fit(rows);
        Matrix loadings = pca.getLoadings();
        double[] center = pca.getCenter();
        int dims = center.length;
        for (int d = 0; d < 2 && d < loadings.ncols(); d++) {
            int big = 0;
            for (int f = 1; f < dims; f++) {
                if (Math.abs(loadings.get(f, d)) > Math.abs(loadings.get(big, d))) {
                    big = f;
                }
            }
            double sign = loadings.get(big, d) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int f = 0; f < dims; f++) {
                    s += (rows[i][f] - center[f]) * loadings.get(f, d);
                }
                out[i][d] = sign * s;
            }
        }
        return out;
    }
}
