package org.patchmap.core.recording.nwb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real NWB files of ../shared: what each gives, exactly, and the exact message of each unreadable one. */
class NwbReaderTest {
    @TempDir
    Path dir;

    private static Recording read(String name) throws UnreadableFileException {
        return NwbReader.read(SharedData.cell(name));
    }

    private static String message(Path p) {
        return assertThrows(UnreadableFileException.class, () -> NwbReader.read(p)).getMessage();
    }

    private static double at(Sweep s, double[] trace, double t) {
        return trace[(int) Math.round(t * s.samplingRateHz())];
    }

    private static double median(double[] x, int from, int to) {
        double[] c = Arrays.copyOfRange(x, from, to);
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static List<Double> amplitudes(SweepFamily f) {
        List<Double> out = new ArrayList<>();
        for (FamilySweep s : f.sweeps()) {
            out.add(s.amplitudePa());
        }
        return out;
    }

    private static List<Double> steps(double first, double step, int n) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(first + step * k);
        }
        return out;
    }

    @Test
    void ipfxConversion19926019() throws Exception {
        Recording r = read("19926019.nwb");
        assertEquals("19926019.nwb", r.fileName());
        assertEquals("nwb", r.format());
        assertEquals(13, r.sweeps().size());
        assertEquals(List.of(), r.skipped());
        for (int k = 0; k < 13; k++) {
            Sweep s = r.sweeps().get(k);
            assertEquals(k, s.sweepNumber());
            assertEquals(String.format("index_%02d", k), s.name());
            assertEquals(20000, s.samplingRateHz());
            assertEquals(100_000, s.voltageMv().length);
            assertEquals(5.0, s.durationS(), 1e-12);
            double rest = median(s.voltageMv(), 0, 4000); // first 0.2 s, in mV (stored in mV with conversion 0.001 to V)
            assertTrue(rest > -80 && rest < -60, "sweep " + k + " rests at " + rest + " mV");
            assertEquals(0, at(s, s.currentPa(), 0.1), 1e-9);
        }
        Sweep s1 = r.sweeps().get(1);
        assertEquals(-100, at(s1, s1.currentPa(), 0.4), 1e-6, "0.3 s pre-pulse");
        assertEquals(-50, at(s1, s1.currentPa(), 0.9), 1e-6);
        Sweep s12 = r.sweeps().get(12);
        assertEquals(500, at(s12, s12.currentPa(), 0.9), 1e-6);
        Sweep s0 = r.sweeps().get(0);
        assertEquals(-100, at(s0, s0.currentPa(), 0.9), 1e-6);
        assertEquals(new SubjectInfo(null, null, null, null, null, null, null, "2019-09-26T14:52:24.286000-04:00",
                "PLACEHOLDER"), r.subject());

        SweepFamily f = LongSquareDetector.detect(r);
        assertEquals(0.5781, f.startS(), 1e-4);
        assertEquals(1.2781, f.endS(), 1e-4);
        assertEquals(steps(-50, 50, 12), amplitudes(f));
        assertEquals(List.of(SweepFamily.PRE_PULSE), f.flags());
    }

    @Test
    void fergusonPyr2() throws Exception {
        Recording r = read("FergusonEtAl2015_PYR2.nwb");
        assertEquals(13, r.sweeps().size());
        for (int k = 0; k < 13; k++) {
            Sweep s = r.sweeps().get(k);
            assertEquals(k + 1, s.sweepNumber());
            assertEquals(String.format("CurrentClampSeries_%02d", k + 1), s.name());
            assertEquals(10000, s.samplingRateHz());
            assertEquals(20_000, s.voltageMv().length);
        }
        assertEquals(new SubjectInfo("transgenic mouse", "P20D-P90D", "Unspecified", "PV-tdTomato", null, null, null,
                "2012-07-27T13:57:03-04:00", "Ferguson et al. PYR2.abf [Pyramidal cell 2, strongly adapting]", "Skinner Lab",
                "University of Toronto"), r.subject());
    }

    @Test
    void fergusonPyr5() throws Exception {
        Recording r = read("FergusonEtAl2015_PYR5_rebound.nwb");
        assertEquals(10, r.sweeps().size());
        for (int k = 0; k < 10; k++) {
            assertEquals(k + 1, r.sweeps().get(k).sweepNumber());
            assertEquals(10000, r.sweeps().get(k).samplingRateHz());
            assertEquals(20_000, r.sweeps().get(k).voltageMv().length);
        }
        SweepFamily f = LongSquareDetector.detect(r);
        assertEquals(0.0817, f.startS(), 1e-4);
        assertEquals(1.0817, f.endS(), 1e-4);
        // NWB sweep 1 is the -248 pA step: this conversion numbers the ABF's episodes in reverse
        assertEquals(10, f.sweeps().size());
        assertEquals(-248.4, f.sweeps().get(0).amplitudePa(), 1e-9);
        assertEquals(1, f.sweeps().get(0).label());
    }

    @Test
    void lantyer() throws Exception {
        Recording r = read("LantyerEtAl2018_180817_ME_9_CC.nwb");
        assertEquals(10, r.sweeps().size());
        for (int k = 0; k < 10; k++) {
            Sweep s = r.sweeps().get(k);
            assertEquals(k + 1, s.sweepNumber());
            assertEquals(20000, s.samplingRateHz());
            assertEquals(23_200, s.voltageMv().length);
            assertEquals(1.16, s.durationS(), 1e-12);
        }
        assertEquals(new SubjectInfo("Mus musculus", "P105D", "F", "Pvalbtm1(cre)Arbr or Ssttm2.1(cre)Zjh", null, null,
                null, "2018-08-17T00:00:00+02:00", "180817_ME_9_CC", null,
                "Donders Institute for Brain, Cognition and Behaviour, Radboud University"), r.subject());
        SweepFamily f = LongSquareDetector.detect(r);
        assertEquals(0.10015, f.startS(), 1e-5);
        assertEquals(0.60015, f.endS(), 1e-5);
        assertEquals(List.of(40.3, 80.5, 120.8, 161.0, 201.4, 241.6, 281.9, 322.2, 362.4, 402.7), amplitudes(f));
    }

    /** No sweep_number attributes: paired through the IntracellularRecordingsTable; Vm is odd but readable. */
    @Test
    void icephysTables99111002() throws Exception {
        Recording r = read("99111002.nwb");
        assertEquals(16, r.sweeps().size());
        for (int k = 0; k < 16; k++) {
            Sweep s = r.sweeps().get(k);
            assertEquals(Sweep.NO_NUMBER, s.sweepNumber());
            assertEquals("ic__Step__" + (k + 1), s.name(), "natural order: _2 before _10");
            assertEquals(10000, s.samplingRateHz());
            assertEquals(7168, s.voltageMv().length);
        }
        assertEquals(new SubjectInfo("Rattus norvegicus", "NA", "male",
                "{\"Animal_Strain\": \"Sprague Dawley\", \"Animal_Genotype\": null}", "NA", null, null,
                "1999-01-11T12:43:13+00:00", "UCL", null, "University College London"), r.subject());
        SweepFamily f = LongSquareDetector.detect(r);
        assertEquals(steps(-2000, 200, 16), amplitudes(f));
        assertEquals(0.0312, f.startS(), 1e-4);
        assertEquals(0.4312, f.endS(), 1e-4);
    }

    @Test
    void voltageClampOnly2025053101() {
        assertEquals("2025053101.nwb: no current-clamp sweeps: 16 VoltageClampSeries (voltage clamp)",
                message(SharedData.cell("2025053101.nwb")));
    }

    @Test
    void gzipWrappedMies() throws Exception {
        assertEquals("_2017_09_01_192934-compressed.nwb: gzip-compressed file (the whole file is gzip-wrapped, not "
                + "HDF5): decompress it first (gunzip)", message(SharedData.cell("_2017_09_01_192934-compressed.nwb")));
        Path unzipped = dir.resolve("_2017_09_01_192934.nwb");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.cell("_2017_09_01_192934-compressed.nwb")))) {
            Files.copy(in, unzipped);
        }
        assertEquals("_2017_09_01_192934.nwb: no current-clamp sweeps: acquisition is empty", message(unzipped));
    }

    @Test
    void missingEmptyTextAndTruncatedFiles() throws Exception {
        assertEquals("nowhere.nwb: no such file", message(dir.resolve("nowhere.nwb")));
        Path empty = Files.write(dir.resolve("empty.nwb"), new byte[0]);
        assertEquals("empty.nwb: empty file (0 bytes)", message(empty));
        Path text = Files.writeString(dir.resolve("notes.nwb"), "hello, this is a lab notebook\n", StandardCharsets.UTF_8);
        assertEquals("notes.nwb: not an HDF5 file (no HDF5 signature; starts with 'hello, t'): NWB 2.x files are HDF5",
                message(text));
        byte[] real = Files.readAllBytes(SharedData.cell("19926019.nwb"));
        Path truncated = Files.write(dir.resolve("19926019.nwb"), Arrays.copyOf(real, 1_000_000));
        assertEquals("19926019.nwb: corrupt or truncated HDF5: the file has 1000000 bytes, its superblock says 2288319 "
                + "(truncated)", message(truncated));
        assertEquals("dir.nwb: is a directory, not a file", message(Files.createDirectory(dir.resolve("dir.nwb"))));
    }

    /** A dataspace claiming more samples than the reader accepts is refused before anything is allocated. */
    @Test
    void hugeSeriesAreRefused() throws Exception {
        byte[] real = Files.readAllBytes(SharedData.cell("FergusonEtAl2015_PYR5_rebound.nwb"));
        // /acquisition/CurrentClampSeries_01/data: object header at 2864, its dataspace's size and max size at 2896
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(real).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(20_000, b.getLong(2896));
        b.putLong(2896, 60_000_000L).putLong(2904, 60_000_000L);
        Path big = Files.write(dir.resolve("big.nwb"), real);
        assertEquals("big.nwb: series 'CurrentClampSeries_01' has 60000000 samples: larger than this reader accepts "
                + "(50000000)", message(big));
        b.putLong(2896, 1L << 40).putLong(2904, 1L << 40);
        Path huge = Files.write(dir.resolve("huge.nwb"), real);
        assertEquals("huge.nwb: series 'CurrentClampSeries_01' has 1099511627776 samples: larger than this reader "
                + "accepts (50000000)", message(huge));
    }

    /** The same recording read twice gives equal samples (no state kept between reads). */
    @Test
    void repeatable() throws Exception {
        Recording a = read("LantyerEtAl2018_180817_ME_9_CC.nwb");
        Recording b = read("LantyerEtAl2018_180817_ME_9_CC.nwb");
        for (int k = 0; k < a.sweeps().size(); k++) {
            assertArrayEquals(a.sweeps().get(k).voltageMv(), b.sweeps().get(k).voltageMv());
            assertArrayEquals(a.sweeps().get(k).currentPa(), b.sweeps().get(k).currentPa());
        }
    }
}
