package org.patchmap.core.protocol;

/**
 * One constant-current epoch of a sweep (spec section 1).
 *
 * @param startIndex first sample (the sample where the current crosses half-way from the previous level)
 * @param endIndex   first sample after the plateau (exclusive)
 * @param levelPa    the plateau's current, pA (median of its 1 ms block medians)
 */
public record Plateau(int startIndex, int endIndex, double levelPa) {
    public Plateau {
        if (startIndex < 0 || endIndex <= startIndex) {
            throw new IllegalArgumentException("plateau [" + startIndex + ", " + endIndex + ")");
        }
    }

    public int length() {
        return endIndex - startIndex;
    }

    public double durationS(double samplingRateHz) {
        return length() / samplingRateHz;
    }

    public double startS(double samplingRateHz) {
        return startIndex / samplingRateHz;
    }

    public double endS(double samplingRateHz) {
        return endIndex / samplingRateHz;
    }
}
