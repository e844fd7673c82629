package org.patchmap.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says what a sweep that is not a long square of the family looks like, from its plateaus: the
 * stretch from its first to its last plateau away from holding (by more than the segmenter's
 * threshold) is a long square, a short square, a ramp, a chirp, noise or unknown, tried in that order.
 */
final class SweepClassifier {
    /** A level this long, s, is a long square: the detector's own minimum epoch. */
    static final double LONG_SQUARE_MIN_S = LongSquareDetector.MIN_EPOCH_S;
    /** A short square has at most this many levels: the square and, on a filtered command, an edge level each side. */
    static final int SHORT_SQUARE_MAX_LEVELS = 3;
    /** A short square spans at most this long, s: many times a 3 ms pulse, well short of a long square. */
    static final double SHORT_SQUARE_MAX_S = 0.1;
    /** Ramps, chirps and noise segment into many short levels; with fewer than this, the kind stays unknown. */
    static final int PATTERN_MIN_LEVELS = 5;
    /** A ramp: at least this fraction of level-to-level steps go one way (a noisy current may reverse a few). */
    static final double RAMP_MIN_MONOTONIC_FRACTION = 0.9;
    /** A chirp: at least this many sign changes about holding, enough to see its half-periods change. */
    static final int CHIRP_MIN_CROSSINGS = 5;
    /** A half-period change against the trend up to this size, s, is jitter of the level boundaries. */
    static final double CHIRP_JITTER_S = 0.0015;
    /** A chirp: its longer end half-period is at least this many times its shorter one. */
    static final double CHIRP_MIN_PERIOD_RATIO = 1.5;
    /** A chirp: at most this fraction of its half-period changes go against the trend. */
    static final double CHIRP_MAX_AGAINST_FRACTION = 0.25;
    /** Floor of the shorter half-period, s, so that two coinciding crossings give a finite ratio. */
    static final double MIN_HALF_PERIOD_S = 1e-9;

    /** The kind of a sweep and what it looks like, in words. */
    record Classification(StimulusKind kind, String description) {
    }

    private final List<Plateau> ps;
    private final PlateauSegmenter.Segmentation seg;
    private final double rate;
    /** First and last plateau (index) away from holding; -1 when none is. */
    private int first = -1;
    private int last = -1;

    private SweepClassifier(PlateauSegmenter.Segmentation seg, double samplingRateHz) {
        this.seg = seg;
        this.ps = seg.plateaus();
        this.rate = samplingRateHz;
    }

    static Classification classify(PlateauSegmenter.Segmentation seg, double samplingRateHz) {
        return new SweepClassifier(seg, samplingRateHz).classify();
    }

    private Classification classify() {
        for (int k = 1; k < ps.size(); k++) {
            if (Math.abs(relative(k)) > seg.thresholdPa()) {
                if (first < 0) {
                    first = k;
                }
                last = k;
            }
        }
        if (first < 0) {
            return !seg.excursions().isEmpty()
                    ? new Classification(StimulusKind.SHORT_SQUARE, "brief pulses only (each ≤ 3 ms)")
                    : new Classification(StimulusKind.UNKNOWN, "no stimulus: the current stays at holding");
        }
        Classification longSquare = longSquare();
        if (longSquare != null) {
            return longSquare;
        }
        int count = last - first + 1;
        double from = ps.get(first).startS(rate);
        double to = ps.get(last).endS(rate);
        if (count <= SHORT_SQUARE_MAX_LEVELS && to - from <= SHORT_SQUARE_MAX_S) {
            Plateau p = ps.get(first);
            return new Classification(StimulusKind.SHORT_SQUARE, String.format(Locale.ROOT,
                    "short square %+.1f pA, %.1f ms at %.4f s", relative(first), 1000 * p.durationS(rate),
                    p.startS(rate)));
        }
        if (count < PATTERN_MIN_LEVELS) {
            return new Classification(StimulusKind.UNKNOWN, String.format(Locale.ROOT,
                    "%d short levels over %.4f–%.4f s, none ≥ 0.25 s", count, from, to));
        }
        if (isRamp(count)) {
            return new Classification(StimulusKind.RAMP, String.format(Locale.ROOT,
                    "ramp from %+.1f to %+.1f pA over %.4f–%.4f s", relative(first), relative(last), from, to));
        }
        Classification chirp = chirp(from, to);
        if (chirp != null) {
            return chirp;
        }
        return new Classification(StimulusKind.NOISE, String.format(Locale.ROOT,
                "noise: %d short levels over %.4f–%.4f s, none ≥ 0.25 s", count, from, to));
    }

    /** Plateau k's level relative to the holding plateau's. */
    private double relative(int k) {
        return ps.get(k).levelPa() - ps.get(0).levelPa();
    }

    /** The first level of the stretch that lasts a long square, away from holding; null when none does. */
    private Classification longSquare() {
        for (int k = first; k <= last; k++) {
            Plateau p = ps.get(k);
            if (p.durationS(rate) >= LONG_SQUARE_MIN_S && Math.abs(relative(k)) > seg.thresholdPa()) {
                return new Classification(StimulusKind.OTHER_PROTOCOL, String.format(Locale.ROOT,
                        "long square %+.1f pA at %.4f–%.4f s", relative(k), p.startS(rate), p.endS(rate)));
            }
        }
        return null;
    }

    private boolean isRamp(int count) {
        int up = 0;
        int down = 0;
        for (int k = first + 1; k <= last; k++) {
            double d = ps.get(k).levelPa() - ps.get(k - 1).levelPa();
            if (d > 0) {
                up++;
            } else if (d < 0) {
                down++;
            }
        }
        return Math.max(up, down) >= RAMP_MIN_MONOTONIC_FRACTION * (count - 1);
    }

    /** A chirp's half-periods shrink (or grow) steadily: few steps against the trend. Null when not a chirp. */
    private Classification chirp(double from, double to) {
        List<Double> crossings = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            if (Math.signum(relative(k)) != Math.signum(relative(k - 1))) {
                crossings.add(ps.get(k).startS(rate));
            }
        }
        if (crossings.size() < CHIRP_MIN_CROSSINGS) {
            return null;
        }
        int n = crossings.size();
        double firstHalf = crossings.get(1) - crossings.get(0);
        double lastHalf = crossings.get(n - 1) - crossings.get(n - 2);
        boolean faster = lastHalf < firstHalf;
        int against = 0;
        for (int c = 2; c < n; c++) {
            double d = (crossings.get(c) - crossings.get(c - 1)) - (crossings.get(c - 1) - crossings.get(c - 2));
            if (faster ? d > CHIRP_JITTER_S : d < -CHIRP_JITTER_S) {
                against++;
            }
        }
        double ratio = Math.max(firstHalf, lastHalf) / Math.max(MIN_HALF_PERIOD_S, Math.min(firstHalf, lastHalf));
        if (ratio >= CHIRP_MIN_PERIOD_RATIO && against <= CHIRP_MAX_AGAINST_FRACTION * (n - 2)) {
            return new Classification(StimulusKind.CHIRP, String.format(Locale.ROOT,
                    "chirp: %d zero crossings at steadily %s intervals over %.4f–%.4f s", n,
                    faster ? "shorter" : "longer", from, to));
        }
        return null;
    }
}
