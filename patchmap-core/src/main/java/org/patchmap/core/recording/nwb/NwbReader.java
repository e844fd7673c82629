package org.patchmap.core.recording.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;

import org.patchmap.core.recording.OneThread;
import org.patchmap.core.recording.ReadBudget;
import org.patchmap.core.recording.ReadLimits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the current-clamp sweeps of an NWB 2.x file into a {@link Recording} (spec section 1):
 * {@code CurrentClampSeries} under /acquisition (and groups nested there), each paired with its
 * {@code CurrentClampStimulusSeries} under /stimulus/presentation ({@link Pairing}), converted to
 * mV and pA ({@link SeriesData}). I=0 clamp and voltage clamp series are listed as skipped.
 * <p>
 * Only what is needed is read: the two series groups, their data, the subject fields, and the
 * icephys table only when sweep numbers do not pair everything. Nothing depends on the root's
 * neurodata_type (extensions rename it), the nwb_version, or free-text descriptions (converters
 * get them wrong).
 * <p>
 * Every failure is an {@link UnreadableFileException} whose message starts with the file's base
 * name: the file checks of {@link FileCheck}, no current-clamp sweeps (with what was found
 * instead), a bad unit, and any failure of the HDF5 library on a damaged file ("corrupt or
 * truncated HDF5"), including a size that asks for more memory than there is.
 */
public final class NwbReader {
    /** Samples over all sweeps (voltage and current are two double arrays each: 1.6 GB). */
    static final long MAX_TOTAL_SAMPLES = 100_000_000L;

    private NwbReader() {
    }

    public static Recording read(Path file) throws UnreadableFileException {
        return read(file, ReadLimits.defaults());
    }

    /** Reads {@code file} within {@code limits}; over them, the file is unreadable with that reason. */
    public static Recording read(Path file, ReadLimits limits) throws UnreadableFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return OneThread.call(name, () -> {
            ReadBudget budget = ReadBudget.start(limits);
            try (FileChannel channel = FileCheck.open(file)) {
                long size = channel.size();
                ByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, 1 << 20));
                long base = FileCheck.check(head, size);
                return read(name, size, budget, () -> BoundedHdfStorage.open(channel, base, budget));
            } catch (BadNwbException e) {
                throw new UnreadableFileException(name + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UnreadableFileException(name + ": cannot read the file (" + e + ")", e);
            }
        });
    }

    /** Reads a file held in memory ({@code bytes} from its position to its limit) within {@code limits}. */
    public static Recording read(String name, ByteBuffer bytes, ReadLimits limits) throws UnreadableFileException {
        return OneThread.call(name, () -> {
            ReadBudget budget = ReadBudget.start(limits);
            try {
                long base = FileCheck.check(bytes.slice(), bytes.remaining());
                return read(name, bytes.remaining(), budget, () -> BoundedHdfStorage.open(bytes, base, budget));
            } catch (BadNwbException e) {
                throw new UnreadableFileException(name + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UnreadableFileException(name + ": cannot read the bytes (" + e + ")", e);
            }
        });
    }

    private interface Opener {
        HdfFile open() throws IOException;
    }

    private static Recording read(String name, long size, ReadBudget budget, Opener opener)
            throws UnreadableFileException, IOException {
        new ReadContext(size, budget).enter();
        try (HdfFile hdf = opener.open()) {
            Recording r = read(hdf, name);
            budget.check(); // a stop swallowed by a best-effort field still ends the read
            return r;
        } catch (BadNwbException e) {
            throw new UnreadableFileException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            if (budget.overrun() != null) {
                throw new UnreadableFileException(name + ": " + budget.overrun().getMessage(), budget.overrun());
            }
            // jhdf's HdfException and whatever else a damaged file makes the parser throw
            throw new UnreadableFileException(name + ": corrupt or truncated HDF5: " + CorruptHdfException.describe(e)
                    .replaceFirst("^CorruptHdfException: ", "").replaceFirst("^OutsideFileException: ", ""), e);
        } catch (OutOfMemoryError e) {
            throw new UnreadableFileException(name + ": corrupt or truncated HDF5: a size in the file asks for more "
                    + "memory than there is (" + e.getMessage() + ")", e);
        } finally {
            ReadContext.leave();
        }
    }

    private static Recording read(HdfFile hdf, String name) throws BadNwbException {
        notNwb1(hdf);
        Group acquisition = Hdf.childGroup(hdf, "acquisition");
        if (acquisition == null) {
            throw new BadNwbException("no current-clamp sweeps: the file has no /acquisition group"
                    + (Hdf.attributeText(hdf, "nwb_version") == null ? " (an HDF5 file, but not NWB 2.x)" : ""));
        }
        List<Series> found = SeriesFinder.find(acquisition);
        List<Series> stimuli = new ArrayList<>();
        for (Series s : SeriesFinder.find(Hdf.childGroup(Hdf.childGroup(hdf, "stimulus"), "presentation"))) {
            if (Series.CURRENT_CLAMP_STIMULUS.equals(s.type())) {
                stimuli.add(s);
            }
        }
        List<Series> responses = new ArrayList<>();
        List<Recording.SkippedSeries> skipped = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (Series s : found) {
            switch (s.type()) {
                case Series.CURRENT_CLAMP -> responses.add(s);
                case Series.I_ZERO -> skipped.add(new Recording.SkippedSeries(s.name(),
                        "IZeroClampSeries: no current injected"));
                case Series.VOLTAGE_CLAMP -> skipped.add(new Recording.SkippedSeries(s.name(),
                        "VoltageClampSeries: voltage clamp"));
                default -> others.merge(s.type(), 1, Integer::sum);
            }
        }
        Pairing.Result paired = Pairing.pair(responses, stimuli, () -> IcephysTable.read(hdf));
        for (Series r : paired.unpaired()) {
            skipped.add(new Recording.SkippedSeries(r.name(), "no stimulus series paired with it"));
        }
        List<Sweep> sweeps = sweeps(paired.pairs(), skipped);
        if (sweeps.isEmpty()) {
            throw new BadNwbException("no current-clamp sweeps: " + foundInstead(found, skipped, others));
        }
        skipped.sort(Comparator.comparing(Recording.SkippedSeries::name, NaturalOrder.INSTANCE));
        Series first = paired.pairs().isEmpty() ? null : paired.pairs().get(0).response();
        return new Recording(name, "nwb", sweeps, skipped, NwbMetadata.read(hdf, first));
    }

    private static List<Sweep> sweeps(List<Pairing.Pair> pairs, List<Recording.SkippedSeries> skipped)
            throws BadNwbException {
        List<Sweep> out = new ArrayList<>(pairs.size());
        List<SeriesData.Values> voltages = new ArrayList<>();
        List<SeriesData.Values> currents = new ArrayList<>();
        long total = 0;
        for (Pairing.Pair p : pairs) {
            SeriesData.Values v = SeriesData.read(p.response(), p.responseStart(), p.responseCount(), true);
            total += v.values().length;
            if (total > MAX_TOTAL_SAMPLES) {
                throw new BadNwbException("more than " + MAX_TOTAL_SAMPLES + " samples in the current-clamp sweeps: "
                        + "larger than this reader accepts");
            }
            SeriesData.Values i = SeriesData.read(p.stimulus(), p.stimulusStart(), p.stimulusCount(), false);
            double rate = Double.isNaN(v.rateHz()) ? i.rateHz() : v.rateHz();
            String mismatch = mismatch(p, v, i, rate);
            if (mismatch != null) {
                skipped.add(new Recording.SkippedSeries(p.name(), mismatch));
                continue;
            }
            voltages.add(v);
            currents.add(i);
            Integer number = p.response().sweepNumber();
            out.add(new Sweep(number == null ? Sweep.NO_NUMBER : number, p.name(), rate, v.values(), i.values()));
        }
        tooSmall(voltages, true);
        tooSmall(currents, false);
        boolean numbered = out.stream().allMatch(s -> s.sweepNumber() != Sweep.NO_NUMBER);
        Comparator<Sweep> byName = Comparator.comparing(Sweep::name, NaturalOrder.INSTANCE);
        out.sort(numbered ? Comparator.comparingInt(Sweep::sweepNumber).thenComparing(byName) : byName);
        return out;
    }

    /**
     * Volts stored as "mV" or amperes as "pA" (SeriesData's bounds): every series of the file
     * stays within a tiny range around 0 although some vary.
     */
    private static void tooSmall(List<SeriesData.Values> series, boolean voltage) throws BadNwbException {
        double limit = voltage ? SeriesData.MIN_PEAK_MV : SeriesData.MIN_PEAK_PA;
        double peak = 0;
        boolean varies = false;
        for (SeriesData.Values v : series) {
            peak = Math.max(peak, v.peak());
            varies |= v.varies();
        }
        if (series.isEmpty() || peak >= limit || !varies) {
            return;
        }
        String unit = voltage ? "mV" : "pA";
        throw new BadNwbException(series.get(0).described() + " and every other " + (voltage ? "response" : "stimulus")
                + " series of the file never exceed " + SeriesData.fmt(peak) + " " + unit + " in magnitude: implausible "
                + "for " + (voltage ? "a membrane potential" : "an injected current") + " (limit "
                + SeriesData.fmt(limit) + " " + unit + "), " + (voltage ? "volts labelled as millivolts?"
                : "amperes labelled as picoamperes?"));
    }

    /** Why a pair cannot be one sweep (no samples, no rate, different rates or lengths), or null. */
    private static String mismatch(Pairing.Pair p, SeriesData.Values v, SeriesData.Values i, double rate) {
        if (v.values().length == 0) {
            return "no samples";
        }
        if (Double.isNaN(rate)) {
            return "no sampling rate (neither starting_time rate nor timestamps)";
        }
        if (!Double.isNaN(v.rateHz()) && !Double.isNaN(i.rateHz())
                && Math.abs(v.rateHz() - i.rateHz()) > 1e-6 * v.rateHz()) {
            return "sampled at " + v.rateHz() + " Hz but its stimulus '" + p.stimulus().name() + "' at "
                    + i.rateHz() + " Hz";
        }
        if (v.values().length != i.values().length) {
            return v.values().length + " samples but its stimulus '" + p.stimulus().name() + "' has "
                    + i.values().length;
        }
        return null;
    }

    /** "16 VoltageClampSeries (voltage clamp)", "acquisition is empty"... */
    private static String foundInstead(List<Series> found, List<Recording.SkippedSeries> skipped,
                                       Map<String, Integer> others) {
        if (found.isEmpty()) {
            return "acquisition is empty";
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Recording.SkippedSeries s : skipped) {
            String reason = s.reason();
            int colon = reason.indexOf(": ");
            String key;
            if (colon > 0 && reason.substring(0, colon).endsWith("Series")) {
                key = reason.substring(0, colon) + " (" + reason.substring(colon + 2) + ")";
            } else if (reason.startsWith("no stimulus")) {
                key = "CurrentClampSeries (no stimulus series paired)";
            } else {
                key = "CurrentClampSeries (" + reason + ")";
            }
            counts.merge(key, 1, Integer::sum);
        }
        others.forEach((type, n) -> counts.merge(type, n, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((what, n) -> parts.add(n + " " + what));
        return String.join(", ", parts);
    }

    /** NWB 1.x is HDF5 too, with a different layout: say so instead of "no sweeps". */
    private static void notNwb1(HdfFile hdf) throws BadNwbException {
        String version = Hdf.field(hdf, "nwb_version");
        if (version != null && (version.startsWith("NWB-1") || version.startsWith("1."))) {
            throw new BadNwbException("NWB 1.x file (nwb_version '" + version + "'): this reader reads NWB 2.x");
        }
    }
}
