package org.patchmap.sim.file;

import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * MIES's layout (IPNWB writer, NWB 2.2.4, as in the Allen Institute dandisets): text datasets
 * as one-element arrays; the identifier a SHA-256 in hex; the session start in UTC with
 * milliseconds; per sweep k {@code /acquisition/data_0000k_AD0} (CurrentClampSeries) and
 * {@code /stimulus/presentation/data_0000k_DA0} (CurrentClampStimulusSeries), each with a uint32
 * sweep_number attribute, the wave note as {@code comments}, a stimulus set name, float32
 * {@code gain} (and {@code bias_current} in A on the response), float32 data in mV and pA with a
 * float32 conversion (1e-3, 1e-12) and NaN resolution, chunked by 8192 samples (32 for short
 * sweeps) with shuffle and deflate 3, and starting_time with a float32 rate in "Seconds";
 * /general/intracellular_ephys/electrode_0 and /general/devices/device_&lt;hardware&gt;_Dev_0.
 * <p>
 * Left out: the labnotebook, stimsets, test pulses, user comments and generated_by (MIES's
 * ndx-mies extension, whose specification the file would have to carry), the sweep table and
 * the links (see {@link NwbWriter}); bridge_balance and capacitance_compensation, which MIES writes
 * only when the amplifier had them on (the simulated rig has neither).
 */
final class MiesLayout implements NwbWriter.LayoutWriter {
    static final String NWB_VERSION = "2.2.4";
    private static final String STIMULUS_SET = "SimulatedLongSquare_DA_0";
    private static final int CHUNK = 8192;
    private static final int SHORT_CHUNK = 32;
    private static final int DEFLATE = 3;

    @Override
    public boolean textAsArray() {
        return true;
    }

    /** A SHA-256 (hex) of the recording's name, description and samples, as MIES's identifier is a SHA-256. */
    @Override
    public String identifier(Recording r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((r.fileName() + "\n" + NwbWriter.description(r)).getBytes(StandardCharsets.UTF_8));
            for (Sweep s : r.sweeps()) {
                ByteBuffer b = ByteBuffer.allocate(12 + 16 * s.voltageMv().length);
                b.putInt(s.sweepNumber()).putDouble(s.samplingRateHz());
                for (int k = 0; k < s.voltageMv().length; k++) {
                    b.putDouble(s.voltageMv()[k]).putDouble(s.currentPa()[k]);
                }
                sha.update(b.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** "2017-10-11T01:43:58.097Z", as MIES writes the session start. */
    static String utcMillis(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT));
    }

    @Override
    public void write(NwbFile nwb, Recording r, OffsetDateTime start) {
        String time = utcMillis(start);
        WritableGroup root = nwb.header(NWB_VERSION, NwbWriter.description(r), time);

        WritableGroup general = nwb.group("general");
        nwb.text(general, "session_id", NwbWriter.stem(r));
        nwb.text(general, "source_script", NwbWriter.PROGRAM + ", MIES layout");
        nwb.text(general, "notes", NwbWriter.notes(r, NwbLayout.MIES));
        nwb.device("device_PatchMapSim_Dev_0", "simulated: no amplifier or digitiser (PatchMap simulator)");
        nwb.electrode("electrode_0", "simulated electrode (no pipette)");
        nwb.subject(r.subject(), NwbWriter.SUBJECT_DESCRIPTION);
        nwb.lab(r.subject());

        double[] starts = NwbWriter.startTimes(r);
        WritableGroup acquisition = nwb.group("acquisition");
        WritableGroup presentation = nwb.group("stimulus/presentation");
        for (int k = 0; k < r.sweeps().size(); k++) {
            Sweep s = r.sweeps().get(k);
            WritableGroup response = series(nwb, acquisition, String.format(Locale.ROOT, "data_%05d_AD0", k),
                    "CurrentClampSeries", s, NwbWriter.sweepNumber(r, k), starts[k]);
            floatScalar(response, "bias_current", s.currentPa()[0] * 1e-12, "A");
            data(response, s.voltageMv(), 1e-3f, "volts");
            WritableGroup stimulus = series(nwb, presentation, String.format(Locale.ROOT, "data_%05d_DA0", k),
                    "CurrentClampStimulusSeries", s, NwbWriter.sweepNumber(r, k), starts[k]);
            data(stimulus, s.currentPa(), 1e-12f, "amperes");
        }
    }

    private static WritableGroup series(NwbFile nwb, WritableGroup parent, String name, String type, Sweep s,
                                        int number, double startS) {
        WritableGroup g = nwb.typedGroup(parent, name, type, NwbFile.CORE);
        g.putAttribute("description", "PLACEHOLDER");
        g.putAttribute("comments", s.name() + " (" + NwbWriter.PROGRAM + ")");
        g.putAttribute("stimulus_description", STIMULUS_SET);
        g.putAttribute("sweep_number", number, true);
        floatScalar(g, "gain", 1.0, null);
        NwbFile.startingTime(g, startS, (float) s.samplingRateHz(), "Seconds");
        return g;
    }

    private static void floatScalar(WritableGroup g, String name, double value, String unit) {
        WritableNode d = g.putDataset(name, (float) value);
        if (unit != null) {
            d.putAttribute("unit", unit);
        }
    }

    private static void data(WritableGroup series, double[] values, float conversion, String unit) {
        float[] data = new float[values.length];
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) values[k];
        }
        int chunk = data.length > CHUNK ? CHUNK : SHORT_CHUNK;
        WritableNode d = series.putDataset("data", data, NwbFile.deflate(DEFLATE, chunk, data.length, true));
        d.putAttribute("conversion", conversion);
        d.putAttribute("resolution", Float.NaN);
        d.putAttribute("unit", unit);
    }
}
