package org.patchmap.sim;

import java.util.SplittableRandom;

/**
 * 1/f (pink) noise by the Voss–McCartney algorithm: K rows of Gaussian values, row j redrawn every
 * 2^j samples (at the samples whose index has j trailing zero bits, so one row per sample), plus a
 * white row redrawn every sample; their sum has about equal power per octave from {@code lowestHz}
 * up to half the sampling rate. Written here because no library this project uses generates 1/f
 * noise, and the algorithm is a few lines; it costs two Gaussian draws per sample.
 */
final class PinkNoise {
    private PinkNoise() {
    }

    /** {@code n} samples of noise with standard deviation {@code sd}, from {@code random}. */
    static double[] samples(int n, double rateHz, double lowestHz, double sd, SplittableRandom random) {
        double[] out = new double[n];
        if (sd == 0 || n == 0) {
            return out;
        }
        int rows = Math.max(1, (int) Math.ceil(Math.log(rateHz / lowestHz) / Math.log(2)));
        double rowSd = sd / Math.sqrt(rows + 1);
        double[] row = new double[rows];
        double sum = 0;
        for (int j = 0; j < rows; j++) {
            row[j] = rowSd * random.nextGaussian();
            sum += row[j];
        }
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                int j = Integer.numberOfTrailingZeros(k);
                if (j < rows) {
                    double fresh = rowSd * random.nextGaussian();
                    sum += fresh - row[j];
                    row[j] = fresh;
                }
            }
            out[k] = sum + rowSd * random.nextGaussian();
        }
        return out;
    }
}
