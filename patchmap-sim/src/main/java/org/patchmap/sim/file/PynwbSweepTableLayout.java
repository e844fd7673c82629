package org.patchmap.sim.file;

import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The layout of files written with pynwb's classes in the NWB 2.2 era, sweeps grouped by the
 * SweepTable (dandisets 000008 and 000035): scalar text; a UUID identifier; per series index k
 * (three digits) {@code /acquisition/CurrentClampSeries000} and
 * {@code /stimulus/presentation/CurrentClampStimulusSeries000} with a uint32 sweep_number,
 * "no description", "no comments", stimulus_description "N/A", float64 data in volts and
 * amperes (gzip-compressed, as converters pass it through H5DataIO) with pynwb's defaults
 * (conversion 1, resolution -1), starting_time with a float64 rate in "seconds"; /general/devices/device, /general/intracellular_ephys/elec0, a session id,
 * an experiment description, and /general/DandiIcephysMetadata (ndx-dandi-icephys) with the cell id.
 * <p>
 * Left out: the sweep table (its series column holds object references) and the links; the
 * subject is core's Subject, not the dandisets' CreSubject extension. The listings do not show
 * those producers' data types; float64 in SI units is pynwb's default for float arrays given in
 * SI, and makes this layout differ from the other two in the convention the reader must follow.
 */
final class PynwbSweepTableLayout implements NwbWriter.LayoutWriter {
    static final String NWB_VERSION = "2.2.5";
    /** h5py's gzip level, as pynwb's H5DataIO(compression="gzip") writes it; chunks of 16384 samples. */
    private static final int GZIP_LEVEL = 4;
    private static final int CHUNK = 16384;

    @Override
    public boolean textAsArray() {
        return false;
    }

    /** A UUID, as pynwb users write uuid4(); here name-based, from the recording. */
    @Override
    public String identifier(Recording r) {
        return NwbWriter.nameUuid(r).toString();
    }

    @Override
    public void write(NwbFile nwb, Recording r, OffsetDateTime start) {
        String time = NwbWriter.isoWithOffset(start);
        WritableGroup root = nwb.header(NWB_VERSION, NwbWriter.description(r), time);

        WritableGroup general = nwb.group("general");
        nwb.text(general, "session_id", NwbWriter.stem(r));
        nwb.text(general, "experiment_description", "simulated current clamp square");
        nwb.text(general, "notes", NwbWriter.notes(r, NwbLayout.PYNWB_SWEEP_TABLE));
        WritableGroup dandi = nwb.typedGroup(general, "DandiIcephysMetadata", "DandiIcephysMetadata",
                "ndx-dandi-icephys");
        nwb.text(dandi, "cell_id", r.subject() == null ? null : r.subject().cellId());
        nwb.device("device", "simulated: no amplifier or digitiser (PatchMap simulator)");
        nwb.electrode("elec0", "simulated electrode (no pipette)");
        nwb.subject(r.subject(), NwbWriter.SUBJECT_DESCRIPTION);
        nwb.lab(r.subject());

        double[] starts = NwbWriter.startTimes(r);
        WritableGroup acquisition = nwb.group("acquisition");
        WritableGroup presentation = nwb.group("stimulus/presentation");
        for (int k = 0; k < r.sweeps().size(); k++) {
            Sweep s = r.sweeps().get(k);
            int number = NwbWriter.sweepNumber(r, k);
            WritableGroup response = series(nwb, acquisition, "CurrentClampSeries", k, s, number, starts[k]);
            data(response, s.voltageMv(), 1e-3, "volts");
            WritableGroup stimulus = series(nwb, presentation, "CurrentClampStimulusSeries", k, s, number, starts[k]);
            data(stimulus, s.currentPa(), 1e-12, "amperes");
        }
    }

    private static WritableGroup series(NwbFile nwb, WritableGroup parent, String type, int index, Sweep s,
                                        int number, double startS) {
        String name = String.format(Locale.ROOT, "%s%03d", type, index);
        WritableGroup g = nwb.typedGroup(parent, name, type, NwbFile.CORE);
        g.putAttribute("comments", "no comments");
        g.putAttribute("description", "no description");
        g.putAttribute("stimulus_description", "N/A");
        g.putAttribute("sweep_number", number, true);
        NwbFile.startingTime(g, startS, s.samplingRateHz(), "seconds");
        return g;
    }

    /** {@code values} times {@code toSi} (mV to V, pA to A) as float64, stored as they are (conversion 1). */
    private static void data(WritableGroup series, double[] values, double toSi, String unit) {
        double[] si = new double[values.length];
        for (int k = 0; k < si.length; k++) {
            si[k] = values[k] * toSi;
        }
        WritableNode d = series.putDataset("data", si, NwbFile.deflate(GZIP_LEVEL, CHUNK, si.length, false));
        d.putAttribute("conversion", 1.0);
        d.putAttribute("resolution", -1.0);
        d.putAttribute("unit", unit);
    }
}
