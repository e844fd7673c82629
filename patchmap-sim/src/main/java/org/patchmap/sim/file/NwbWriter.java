package org.patchmap.sim.file;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a simulated recording as an NWB 2 file in the layout of a real producer ({@link NwbLayout}),
 * through jhdf's writer, as PatchMap's {@code NwbReader} reads it back. Every file says it is
 * simulated: the session description, /general/notes and the subject's description.
 * <p>
 * The file depends only on the recording and the layout (see {@link HdfOutput}): no clock is read.
 * The session start is the recording's own when it states one, else {@link #sessionStart} derives
 * one from its name; file_create_date repeats it; the identifier and every object_id are derived
 * from the recording.
 * <p>
 * Not written, because jhdf's writer (0.13) has no links, object references or compound types:
 * each series' {@code electrode} link and the electrode's {@code device} link, the SweepTable (its
 * {@code series} column holds references) and the icephys tables (TimeSeriesReference compounds).
 * The reader pairs MIES and pynwb files by sweep_number and NeuroConv files by the numbers in the
 * series names, and finds the electrode as the only one under /general/intracellular_ephys.
 */
public final class NwbWriter {
    static final String PROGRAM = "PatchMap simulator (patchmap-sim)";
    private static final long YEAR_S = 365L * 86_400;

    private NwbWriter() {
    }

    public static void write(Recording recording, NwbLayout layout, Path file) throws IOException {
        check(recording);
        LayoutWriter writer = writer(layout);
        String identifier = writer.identifier(recording);
        OffsetDateTime start = sessionStart(recording);
        HdfOutput.write(file, hdf -> writer.write(new NwbFile(hdf, identifier, writer.textAsArray()), recording,
                start));
    }

    /** The file's bytes (written through a temporary file: jhdf writes to a file channel). */
    public static byte[] bytes(Recording recording, NwbLayout layout) throws IOException {
        Path tmp = Files.createTempFile("patchmap-sim-", ".nwb");
        try {
            write(recording, layout, tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** "&lt;recording file name&gt;.&lt;layout&gt;.nwb", e.g. "fast_spiking-7-0.simulated.mies.nwb". */
    public static String fileName(Recording recording, NwbLayout layout) {
        return recording.fileName() + "." + layout.wire() + ".nwb";
    }

    /**
     * The recording's session start when it states one (ISO 8601; without an offset, UTC), else a
     * time in 1970 derived from its file name and description: an obviously made-up date that
     * still differs between simulated cells.
     */
    public static OffsetDateTime sessionStart(Recording recording) {
        String stated = recording.subject() == null ? null : recording.subject().sessionStart();
        if (stated != null) {
            try {
                return OffsetDateTime.parse(stated);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(stated).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // not a date: derive one as for a simulated recording
                }
            }
        }
        long seconds = Math.floorMod(nameUuid(recording).getMostSignificantBits(), YEAR_S);
        return OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(seconds);
    }

    /** pynwb's ISO 8601 form: "2022-03-03T16:51:43-05:00", microseconds when there is a fraction. */
    static String isoWithOffset(OffsetDateTime t) {
        String pattern = t.getNano() == 0 ? "uuuu-MM-dd'T'HH:mm:ssxxx" : "uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx";
        return t.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    /** The session description: the recording's, said to be simulated when it does not say so itself. */
    static String description(Recording r) {
        String d = r.subject() == null ? null : r.subject().description();
        if (d == null || d.isBlank()) {
            return "simulated recording (not a real cell)";
        }
        return d.toLowerCase(Locale.ROOT).contains("simulated") ? d : "simulated recording (not a real cell): " + d;
    }

    /** /general/notes: what made the file and in which layout. */
    static String notes(Recording r, NwbLayout layout) {
        return "simulated: written by " + PROGRAM + " from the simulated recording " + r.fileName() + " in the "
                + layout.wire() + " layout (how that producer lays out NWB files, not made by it); no cell, animal "
                + "or rig was recorded";
    }

    static final String SUBJECT_DESCRIPTION = "simulated: no animal (PatchMap simulator)";

    /** The file name without ".simulated" (or any last extension). */
    static String stem(Recording r) {
        String name = r.fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Each sweep's start within the session (s): the sweeps back to back, as an episodic run. */
    static double[] startTimes(Recording r) {
        double[] t = new double[r.sweeps().size()];
        double at = 0;
        for (int k = 0; k < t.length; k++) {
            Sweep s = r.sweeps().get(k);
            t[k] = at;
            at += s.voltageMv().length / s.samplingRateHz();
        }
        return t;
    }

    /** The sweep's number, or its position when it has none (sweep_number is unsigned). */
    static int sweepNumber(Recording r, int k) {
        int n = r.sweeps().get(k).sweepNumber();
        return n == Sweep.NO_NUMBER ? k : n;
    }

    static UUID nameUuid(Recording r) {
        String description = r.subject() == null ? "" : String.valueOf(r.subject().description());
        return UUID.nameUUIDFromBytes((r.fileName() + "\n" + description).getBytes(StandardCharsets.UTF_8));
    }

    private static void check(Recording r) {
        if (r.sweeps().isEmpty()) {
            throw new IllegalArgumentException(r.fileName() + ": no sweeps to write");
        }
        for (Sweep s : r.sweeps()) {
            if (s.voltageMv().length == 0 || s.voltageMv().length != s.currentPa().length) {
                throw new IllegalArgumentException(r.fileName() + ": sweep " + s.sweepNumber() + " has "
                        + s.voltageMv().length + " voltage and " + s.currentPa().length + " current samples");
            }
        }
    }

    private static LayoutWriter writer(NwbLayout layout) {
        return switch (layout) {
            case MIES -> new MiesLayout();
            case NEUROCONV_ABF -> new NeuroConvAbfLayout();
            case PYNWB_SWEEP_TABLE -> new PynwbSweepTableLayout();
        };
    }

    /** One producer's layout. */
    interface LayoutWriter {
        /** The file's identifier, as this producer forms it. */
        String identifier(Recording r);

        /** Whether this producer writes text datasets as one-element arrays. */
        boolean textAsArray();

        void write(NwbFile nwb, Recording r, OffsetDateTime start);
    }
}
