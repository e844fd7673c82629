package org.patchmap.core.protocol;

import org.patchmap.core.numeric.Stats;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the long-square family of a file (spec section 1).
 *
 * <p>Sweeps are grouped by sampling rate and length (±5 ms); the largest group is tried first.
 * Within a group, the long-square epoch is the earliest plateau (by start) of at least 0.25 s,
 * other than the holding plateau, whose level relative to holding differs between the sweeps that
 * have a plateau with that timing (start and end within ±5 ms) and the sweeps whose current stays at
 * holding over that window (level 0). A fixed pre-pulse or a fixed intermediate level is therefore
 * never the epoch, and a second step later in the sweep (pyABF "dual" protocols) is not either.
 * The family is those sweeps; its window is the median of the matching plateaus' boundaries.
 * Every other sweep is skipped with what it looks like ({@link SweepClassifier}).
 */
public final class LongSquareDetector {
    public static final double MIN_EPOCH_S = 0.25;
    public static final double TIMING_TOLERANCE_S = 0.005;
    public static final double LOW_SAMPLING_RATE_HZ = 10_000;
    public static final int FEW_SWEEPS = 3;
    static final double MIN_PRE_PULSE_MS = 5;
    /** An excursion this many 1 ms blocks long inside the window is a pulse, not a transient. */
    static final int MAX_TRANSIENT_BLOCKS = 3;

    private LongSquareDetector() {
    }

    public static SweepFamily detect(Recording recording) throws NoLongSquareException {
        return detect(recording.fileName(), recording.sweeps());
    }

    public static SweepFamily detect(String fileName, List<Sweep> sweeps) throws NoLongSquareException {
        if (sweeps.isEmpty()) {
            throw new NoLongSquareException(fileName + ": no long-square epoch: the file has no current-clamp sweeps");
        }
        List<Analysed> all = new ArrayList<>(sweeps.size());
        for (Sweep s : sweeps) {
            all.add(Analysed.of(s));
        }
        for (List<Analysed> group : groups(all)) {
            Epoch epoch = findEpoch(group);
            if (epoch != null) {
                return family(epoch, group, all);
            }
        }
        throw new NoLongSquareException(fileName + ": no long-square epoch: no plateau of at least 0.25 s whose level "
                + "differs between sweeps (" + summary(all) + ")");
    }

    /** One sweep with its plateaus and holding level. */
    private record Analysed(Sweep sweep, PlateauSegmenter.Segmentation segmentation, double holdingPa) {
        static Analysed of(Sweep s) {
            PlateauSegmenter.Segmentation seg = PlateauSegmenter.analyse(s.currentPa(), s.samplingRateHz());
            // The holding level is the first plateau's level, the median of its 1 ms block medians. On a
            // recorded current (noise of tens of pA, quantised) the median of the raw samples of an 80 ms
            // holding plateau moves by up to 0.7 pA from it, which is more than the reference allows.
            double holding = seg.plateaus().isEmpty() ? Double.NaN : seg.plateaus().get(0).levelPa();
            return new Analysed(s, seg, holding);
        }

        List<Plateau> plateaus() {
            return segmentation.plateaus();
        }

        double thresholdPa() {
            return segmentation.thresholdPa();
        }

        List<PlateauSegmenter.Excursion> excursions() {
            return segmentation.excursions();
        }

        double rate() {
            return sweep.samplingRateHz();
        }

        int length() {
            return sweep.currentPa().length;
        }

        /** Plateau level relative to the holding plateau's level (both from block medians). */
        double relative(Plateau p) {
            return p.levelPa() - plateaus().get(0).levelPa();
        }

        int tolerance() {
            return (int) Math.round(TIMING_TOLERANCE_S * rate());
        }

        /** The non-holding plateau whose start and end are each within ±5 ms of [start, end), closest first. */
        Plateau matching(int start, int end) {
            Plateau best = null;
            int bestErr = Integer.MAX_VALUE;
            int tol = tolerance();
            for (int k = 1; k < plateaus().size(); k++) {
                Plateau p = plateaus().get(k);
                int ds = Math.abs(p.startIndex() - start);
                int de = Math.abs(p.endIndex() - end);
                if (ds <= tol && de <= tol && ds + de < bestErr) {
                    best = p;
                    bestErr = ds + de;
                }
            }
            return best;
        }

        /**
         * True when one holding-level plateau covers [start, end) (±5 ms) and no pulse of
         * {@value #MAX_TRANSIENT_BLOCKS}+ ms lies inside (a short square is not a 0 pA long square;
         * spike-coupled transients of a recorded current are shorter).
         */
        boolean atHolding(int start, int end) {
            int tol = tolerance();
            for (Plateau p : plateaus()) {
                if (p.startIndex() <= start + tol && p.endIndex() >= end - tol) {
                    return Math.abs(relative(p)) <= thresholdPa() && excursions().stream().noneMatch(
                            e -> e.endIndex() > start && e.startIndex() < end
                                    && e.blocks(rate()) >= MAX_TRANSIENT_BLOCKS);
                }
            }
            return false;
        }
    }

    private record Member(Analysed sweep, Plateau plateau) {
    }

    private record Epoch(List<Member> members) {
    }

    /** Sweeps of one sampling rate and length (±5 ms), largest group first, then file order. */
    private static List<List<Analysed>> groups(List<Analysed> all) {
        List<List<Analysed>> groups = new ArrayList<>();
        for (Analysed a : all) {
            List<Analysed> home = null;
            for (List<Analysed> g : groups) {
                Analysed first = g.get(0);
                if (first.rate() == a.rate() && Math.abs(first.length() - a.length()) <= a.tolerance()) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(a);
        }
        List<List<Analysed>> ordered = new ArrayList<>(groups);
        ordered.sort((x, y) -> Integer.compare(y.size(), x.size())); // stable: ties stay in file order
        return ordered;
    }

    private static Epoch findEpoch(List<Analysed> group) {
        List<Member> candidates = new ArrayList<>();
        for (Analysed a : group) {
            for (int k = 1; k < a.plateaus().size(); k++) {
                Plateau p = a.plateaus().get(k);
                if (p.durationS(a.rate()) >= MIN_EPOCH_S) {
                    candidates.add(new Member(a, p));
                }
            }
        }
        candidates.sort((x, y) -> Integer.compare(x.plateau().startIndex(), y.plateau().startIndex()));
        List<Plateau> tried = new ArrayList<>();
        for (Member c : candidates) {
            int start = c.plateau().startIndex();
            int end = c.plateau().endIndex();
            int tol = c.sweep().tolerance();
            if (tried.stream().anyMatch(t -> Math.abs(t.startIndex() - start) <= tol
                    && Math.abs(t.endIndex() - end) <= tol)) {
                continue;
            }
            tried.add(c.plateau());
            List<Member> members = new ArrayList<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double threshold = 0;
            for (Analysed a : group) {
                Plateau q = a.matching(start, end);
                double rel;
                if (q != null) {
                    rel = a.relative(q);
                } else if (a.atHolding(start, end)) {
                    rel = 0;
                } else {
                    continue;
                }
                members.add(new Member(a, q));
                lo = Math.min(lo, rel);
                hi = Math.max(hi, rel);
                threshold = Math.max(threshold, a.thresholdPa());
            }
            // a file of one sweep cannot show a level differing between sweeps: its step is taken when not at holding
            boolean differs = group.size() == 1 ? Math.abs(hi) > threshold : members.size() >= 2 && hi - lo > threshold;
            if (differs) {
                return new Epoch(members);
            }
        }
        return null;
    }

    /**
     * Whether the last plateau of at least {@value #MIN_PRE_PULSE_MS} ms before plateau k is not at
     * holding. Shorter ones are the edges of a filtered or recorded step (PYR2.abf), not pulses.
     */
    private static boolean hasPrePulse(Analysed a, int k) {
        int minLength = (int) Math.round(MIN_PRE_PULSE_MS * a.rate() / 1000.0);
        for (int j = k - 1; j >= 1; j--) {
            Plateau before = a.plateaus().get(j);
            if (before.length() >= minLength) {
                return Math.abs(a.relative(before)) > a.thresholdPa();
            }
        }
        return false;
    }

    private static SweepFamily family(Epoch epoch, List<Analysed> group, List<Analysed> all) {
        List<Member> withPlateau = epoch.members().stream().filter(m -> m.plateau() != null).toList();
        double rate = group.get(0).rate();
        double startIdx = Stats.medianInPlace(withPlateau.stream().mapToDouble(m -> m.plateau().startIndex())
                .toArray());
        double endIdx = Stats.medianInPlace(withPlateau.stream().mapToDouble(m -> m.plateau().endIndex()).toArray());
        int from = (int) Math.round(startIdx);
        int to = (int) Math.round(endIdx);

        List<FamilySweep> sweeps = new ArrayList<>();
        boolean prePulse = false;
        for (Member m : epoch.members()) {
            Analysed a = m.sweep();
            double[] i = a.sweep().currentPa();
            double inside = Stats.medianInPlace(Arrays.copyOfRange(i, from, Math.min(to, i.length)));
            double amplitude = Math.round((inside - a.holdingPa()) * 10.0) / 10.0;
            sweeps.add(new FamilySweep(a.sweep(), amplitude + 0.0)); // + 0.0: no −0.0
            if (m.plateau() != null) {
                if (hasPrePulse(a, a.plateaus().indexOf(m.plateau()))) {
                    prePulse = true;
                }
            }
        }
        List<String> flags = new ArrayList<>();
        if (prePulse) {
            flags.add(SweepFamily.PRE_PULSE);
        }
        if (sweeps.size() < FEW_SWEEPS) {
            flags.add(SweepFamily.FEW_SWEEPS);
        }
        if (rate < LOW_SAMPLING_RATE_HZ) {
            flags.add(SweepFamily.LOW_SAMPLING_RATE);
        }

        double startS = startIdx / rate;
        double endS = endIdx / rate;
        String window = String.format(Locale.ROOT, "[%.4f, %.4f] s", startS, endS);
        List<SkippedSweep> skipped = new ArrayList<>();
        List<Analysed> inFamily = epoch.members().stream().map(Member::sweep).toList();
        Analysed reference = group.get(0);
        for (Analysed a : all) {
            if (inFamily.contains(a)) {
                continue;
            }
            SweepClassifier.Classification looks = classify(a);
            String reason;
            if (!group.contains(a)) {
                reason = a.rate() != reference.rate()
                        ? String.format(Locale.ROOT, "sampling rate %.0f Hz, the family's is %.0f Hz", a.rate(), rate)
                        : String.format(Locale.ROOT, "length %.4f s, the family's sweeps are %.4f s",
                        a.sweep().durationS(), reference.sweep().durationS());
                reason += "; " + looks.description();
            } else {
                reason = looks.description() + "; no plateau at the family's epoch " + window
                        + " and not at holding there";
            }
            skipped.add(new SkippedSweep(a.sweep().label(), looks.kind(), reason));
        }
        return new SweepFamily(startS, endS, rate, sweeps, flags, skipped);
    }

    private static SweepClassifier.Classification classify(Analysed a) {
        return SweepClassifier.classify(a.segmentation(), a.rate());
    }

    /** "4 sweeps, all ramp" or "5 sweeps: 3 ramp, 2 noise", plus what a long square found looked like. */
    private static String summary(List<Analysed> all) {
        Map<StimulusKind, Integer> counts = new LinkedHashMap<>();
        String example = null;
        for (Analysed a : all) {
            SweepClassifier.Classification k = classify(a);
            counts.merge(k.kind(), 1, Integer::sum);
            if (example == null && k.kind() == StimulusKind.OTHER_PROTOCOL) {
                example = "sweep " + a.sweep().label() + ": " + k.description();
            }
        }
        String n = all.size() + (all.size() == 1 ? " sweep" : " sweeps");
        String out;
        if (counts.size() == 1) {
            String kind = counts.keySet().iterator().next().wire();
            out = n + (all.size() == 1 ? ", " : ", all ") + kind;
        } else {
            List<String> parts = new ArrayList<>();
            counts.forEach((k, c) -> parts.add(c + " " + k.wire()));
            out = n + ": " + String.join(", ", parts);
        }
        if (example != null) {
            out += "; e.g. " + example;
        }
        return out;
    }
}
