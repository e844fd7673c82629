package org.patchmap.sim.file;

import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * NeuroConv's layout for ABF files (dandisets 000245 and 000295 for the names, NeuroConv 0.7.4's
 * NWB 2.8.0 file in shared/data/cells for the types): scalar text; the identifier the recording's
 * name; per sweep k (from 1, two digits) {@code /acquisition/current_clamp-response-01-ch-0} and
 * {@code /stimulus/presentation/stimulus-01-ch-0} with no sweep_number, "no comments",
 * stimulus_description "N/A", gain NaN, the response as the ABF's int16 counts (the step of
 * {@link Abf2Writer#voltageStepMv}, so the counts are those of the ABF file this writer would
 * write) with a float64 conversion to volts, offset 0 and resolution -1, the stimulus as float64
 * pA with conversion 1e-12, both deflated (level 4, one chunk), starting_time with a float64 rate
 * in "seconds"; /general/devices/DeviceIcephys, /general/intracellular_ephys/icephys_electrode_0
 * with the cell id, and /general/DandiIcephysMetadata (ndx-dandi-icephys) with the cell id.
 * <p>
 * Left out: the intracellular_recordings, simultaneous_recordings and sequential_recordings
 * tables (object references and TimeSeriesReference compounds jhdf cannot write) and the links.
 * With neither sweep numbers nor the table, the reader pairs "-01-ch-0" with "-01-ch-0" by the
 * numbers in the names and the sweeps carry no sweep number.
 */
final class NeuroConvAbfLayout implements NwbWriter.LayoutWriter {
    static final String NWB_VERSION = "2.8.0";
    private static final String PROTOCOL = "simulated long square";
    private static final int DEFLATE = 4;

    @Override
    public boolean textAsArray() {
        return false;
    }

    /** The recording's name, as the ABF dandisets use the ABF file's name. */
    @Override
    public String identifier(Recording r) {
        return NwbWriter.stem(r);
    }

    @Override
    public void write(NwbFile nwb, Recording r, OffsetDateTime start) {
        String time = NwbWriter.isoWithOffset(start);
        WritableGroup root = nwb.header(NWB_VERSION, NwbWriter.description(r), time);

        WritableGroup general = nwb.group("general");
        nwb.text(general, "source_script", "Created using " + NwbWriter.PROGRAM + ", NeuroConv ABF layout")
                .putAttribute("file_name", "patchmap-sim");
        nwb.text(general, "notes", NwbWriter.notes(r, NwbLayout.NEUROCONV_ABF));
        String cellId = r.subject() == null ? null : r.subject().cellId();
        WritableGroup dandi = nwb.typedGroup(general, "DandiIcephysMetadata", "DandiIcephysMetadata",
                "ndx-dandi-icephys");
        nwb.text(dandi, "cell_id", cellId);
        nwb.device("DeviceIcephys", "simulated: no amplifier or digitiser (PatchMap simulator)");
        WritableGroup electrode = nwb.electrode("icephys_electrode_0", "simulated electrode (no pipette)");
        nwb.text(electrode, "cell_id", cellId);
        nwb.subject(r.subject(), NwbWriter.SUBJECT_DESCRIPTION);
        nwb.lab(r.subject());

        double stepMv = Abf2Writer.voltageStepMv(r);
        double[] starts = NwbWriter.startTimes(r);
        WritableGroup acquisition = nwb.group("acquisition");
        WritableGroup presentation = nwb.group("stimulus/presentation");
        for (int k = 0; k < r.sweeps().size(); k++) {
            Sweep s = r.sweeps().get(k);
            String number = String.format(Locale.ROOT, "%02d", k + 1);
            WritableGroup response = series(nwb, acquisition, "current_clamp-response-" + number + "-ch-0",
                    "CurrentClampSeries", "Response to: " + PROTOCOL, s, starts[k]);
            data(response, counts(s.voltageMv(), stepMv), stepMv * 1e-3, "volts");
            WritableGroup stimulus = series(nwb, presentation, "stimulus-" + number + "-ch-0",
                    "CurrentClampStimulusSeries", "Stim type: " + PROTOCOL, s, starts[k]);
            data(stimulus, s.currentPa(), 1e-12, "amperes");
        }
    }

    private static WritableGroup series(NwbFile nwb, WritableGroup parent, String name, String type,
                                        String description, Sweep s, double startS) {
        WritableGroup g = nwb.typedGroup(parent, name, type, NwbFile.CORE);
        g.putAttribute("comments", "no comments");
        g.putAttribute("description", description);
        g.putAttribute("stimulus_description", "N/A");
        g.putDataset("gain", Double.NaN);
        NwbFile.startingTime(g, startS, s.samplingRateHz(), "seconds");
        return g;
    }

    /** int16 counts of {@code stepMv}, rounded to nearest and held within the int16 range. */
    private static short[] counts(double[] mv, double stepMv) {
        short[] c = new short[mv.length];
        for (int k = 0; k < c.length; k++) {
            long raw = Math.round(mv[k] / stepMv);
            c[k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, raw));
        }
        return c;
    }

    private static void data(WritableGroup series, Object data, double conversion, String unit) {
        int length = java.lang.reflect.Array.getLength(data);
        WritableNode d = series.putDataset("data", data, NwbFile.deflate(DEFLATE, length, length, false));
        d.putAttribute("conversion", conversion);
        d.putAttribute("offset", 0.0);
        d.putAttribute("resolution", -1.0);
        d.putAttribute("unit", unit);
    }
}
