package org.patchmap.core.recording.abf;

/**
 * The command waveform of one sweep, built from a DAC's epoch table as Clampex (and pyABF) do:
 * the first 1/64 of the sweep (integer division of samples per channel per sweep) is the
 * pre-sweep holding period; then each epoch in table order, for
 * {@code initDuration + sweep × durationIncrement} samples at
 * {@code initLevel + sweep × levelIncrement}: a step holds the level; a ramp goes linearly from the
 * previous level to it; a rectangular pulse train (type 3) alternates the level (for the pulse
 * width of every period) with the previous level; the other trains (triangle, cosine, biphasic) are
 * approximated as steps at their level. After the last epoch the output returns to holding (or
 * stays at the last level when the DAC's inter-sweep level is "use last epoch").
 */
final class EpochWaveform {
    private EpochWaveform() {
    }

    /** The command for sweep {@code sweep}, {@code n} samples, in the DAC's units. */
    static double[] build(AbfHeader.Dac dac, int sweep, int n) throws CorruptAbfException {
        double[] out = new double[n];
        double holding = dac.holdingLevel();
        if (!Double.isFinite(holding)) {
            throw new CorruptAbfException("DAC '" + dac.name() + "' holding level is " + holding + ": corrupt header");
        }
        int pre = n / 64;
        java.util.Arrays.fill(out, 0, pre, holding);
        long pos = pre;
        double previous = holding;
        for (AbfHeader.Epoch e : dac.epochs()) {
            if (e.type() == AbfHeader.Epoch.OFF) {
                continue;
            }
            long duration = e.initDuration() + (long) sweep * e.durationIncrement();
            double level = e.initLevel() + sweep * (double) e.levelIncrement();
            if (duration < 0 || !Double.isFinite(level)) {
                throw new CorruptAbfException("epoch " + e.letter() + " of DAC '" + dac.name() + "' in sweep " + sweep
                        + " has duration " + duration + " samples and level " + level + ": corrupt header");
            }
            int from = (int) Math.min(pos, n);
            int to = (int) Math.min(pos + duration, n);
            for (int i = from; i < to; i++) {
                long k = i - pos;
                switch (e.type()) {
                    case AbfHeader.Epoch.RAMP:
                        out[i] = previous + (level - previous) * (k + 1) / duration;
                        break;
                    case AbfHeader.Epoch.PULSE:
                        out[i] = e.pulsePeriod() > 0 && e.pulseWidth() > 0 && k % e.pulsePeriod() >= e.pulseWidth()
                                ? previous : level;
                        break;
                    default:
                        out[i] = level;
                }
            }
            if (e.type() != AbfHeader.Epoch.PULSE || e.pulsePeriod() <= 0 || e.pulseWidth() <= 0) {
                previous = level;
            }
            pos = Math.min(pos + duration, n); // duration < 2^63 / 2: no overflow, whatever the header says
        }
        double after = dac.lastLevelBetweenSweeps() ? previous : holding;
        java.util.Arrays.fill(out, (int) Math.min(pos, n), n, after);
        return out;
    }
}
