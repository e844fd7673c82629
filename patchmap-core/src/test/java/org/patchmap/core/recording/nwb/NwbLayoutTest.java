package org.patchmap.core.recording.nwb;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Layouts of the DANDI icephys dandisets that the real files here lack, as small synthetic files. */
class NwbLayoutTest {
    private static final int N = 100;

    @TempDir
    Path dir;

    private static String message(Path p) {
        return assertThrows(UnreadableFileException.class, () -> NwbReader.read(p)).getMessage();
    }

    private static short[] counts(int n, int value) {
        short[] s = new short[n];
        java.util.Arrays.fill(s, (short) value);
        return s;
    }

    private static List<String> names(Recording r) {
        return r.sweeps().stream().map(Sweep::name).toList();
    }

    /** MIES: data_NNNNN_AD0/DA0, int16 counts with a conversion, sweep_number, several headstages, VC and I=0 sweeps. */
    @Test
    void miesLayout() throws Exception {
        Path p = SyntheticNwb.write(dir.resolve("mies.nwb"), nwb -> {
            Object[] numbers = {new int[]{0}, 1L, 2}; // int[1], int64 scalar, int32 scalar
            for (int s = 0; s < 3; s++) {
                nwb.response(String.format("data_%05d_AD0", s), counts(N, -6500 + 10 * s), "V", 1e-5, numbers[s]);
                nwb.stimulus(String.format("data_%05d_DA0", s), counts(N, 50 * s), "A", 1e-12, numbers[s]);
            }
            SyntheticNwb.series(nwb.acquisition(), "data_00003_AD0", "VoltageClampSeries", counts(N, 1), "A", 1e-12,
                    10_000, new int[]{3});
            SyntheticNwb.series(nwb.presentation(), "data_00003_DA0", "VoltageClampStimulusSeries", counts(N, 1), "V",
                    1e-3, 10_000, new int[]{3});
            SyntheticNwb.series(nwb.acquisition(), "data_00004_AD0", "IZeroClampSeries", counts(N, -6000), "V", 1e-5,
                    10_000, new int[]{4});
            // two headstages recorded in sweep 5
            nwb.response("data_00005_AD1", counts(N, -7000), "V", 1e-5, new int[]{5});
            nwb.response("data_00005_AD0", counts(N, -6000), "V", 1e-5, new int[]{5});
            nwb.stimulus("data_00005_DA1", counts(N, 200), "A", 1e-12, new int[]{5});
            nwb.stimulus("data_00005_DA0", counts(N, 100), "A", 1e-12, new int[]{5});
        });
        Recording r = NwbReader.read(p);
        assertEquals(List.of("data_00000_AD0", "data_00001_AD0", "data_00002_AD0", "data_00005_AD0", "data_00005_AD1"),
                names(r));
        assertEquals(List.of(0, 1, 2, 5, 5), r.sweeps().stream().map(Sweep::sweepNumber).toList());
        for (int s = 0; s < 3; s++) {
            Sweep w = r.sweeps().get(s);
            assertEquals(-65 + 0.1 * s, w.voltageMv()[7], 1e-9, "int16 counts x 1e-5 V, in mV");
            assertEquals(50 * s, w.currentPa()[7], 1e-9);
            assertEquals(10_000, w.samplingRateHz());
        }
        assertEquals(-60, r.sweeps().get(3).voltageMv()[0], 1e-9);
        assertEquals(100, r.sweeps().get(3).currentPa()[0], 1e-9);
        assertEquals(-70, r.sweeps().get(4).voltageMv()[0], 1e-9);
        assertEquals(200, r.sweeps().get(4).currentPa()[0], 1e-9);
        assertEquals(List.of(new Recording.SkippedSeries("data_00003_AD0", "VoltageClampSeries: voltage clamp"),
                new Recording.SkippedSeries("data_00004_AD0", "IZeroClampSeries: no current injected")), r.skipped());
        assertEquals(new SubjectInfo(null, null, null, null, null, null, null, "2024-01-02T03:04:05+00:00",
                "synthetic"), r.subject());
    }

    /** Without sweep numbers: the numbers in the names, else the natural order, never the alphabetical one. */
    @Test
    void pairsByNamesInNaturalOrder() throws Exception {
        Path p = SyntheticNwb.write(dir.resolve("names.nwb"), nwb -> {
            for (int k : new int[]{10, 2, 1}) {
                nwb.response("CurrentClampSeries_" + k, SyntheticNwb.volts(N, k), "volts", 1, null);
                nwb.stimulus("CurrentClampStimulusSeries_" + k, SyntheticNwb.amperes(N, k), "amperes", 1, null);
            }
        });
        Recording r = NwbReader.read(p);
        assertEquals(List.of("CurrentClampSeries_1", "CurrentClampSeries_2", "CurrentClampSeries_10"), names(r));
        for (Sweep s : r.sweeps()) {
            int k = Integer.parseInt(s.name().substring("CurrentClampSeries_".length()));
            assertEquals(Sweep.NO_NUMBER, s.sweepNumber());
            assertEquals(k, s.currentPa()[N / 2], 1e-6, s.name());
            assertEquals(-65 + k, s.voltageMv()[0], 1e-4, s.name());
        }

        // names with no numbers in common: natural rank (a_2, a_10) with (b_5, b_6); alphabetical would swap them
        Path q = SyntheticNwb.write(dir.resolve("rank.nwb"), nwb -> {
            nwb.response("a_10", SyntheticNwb.volts(N, 10), "V", 1, null);
            nwb.response("a_2", SyntheticNwb.volts(N, 2), "V", 1, null);
            nwb.stimulus("b_5", SyntheticNwb.amperes(N, 5), "A", 1, null);
            nwb.stimulus("b_6", SyntheticNwb.amperes(N, 6), "A", 1, null);
        });
        Recording rq = NwbReader.read(q);
        assertEquals(List.of("a_2", "a_10"), names(rq));
        assertEquals(5, rq.sweeps().get(0).currentPa()[N / 2], 1e-6);
        assertEquals(6, rq.sweeps().get(1).currentPa()[N / 2], 1e-6);
    }

    @Test
    void unitsConversionAndOffset() throws Exception {
        Path p = SyntheticNwb.write(dir.resolve("units.nwb"), nwb -> {
            nwb.response("cc_1", new float[]{-65, -64.5f, 0}, "mV", 1, 1L);
            WritableGroup st = nwb.stimulus("st_1", new double[]{0, 0.1, 0.25}, "nA", 1, 1L);
            ((WritableDataset) st.getChild("data")).putAttribute("offset", 0.02);
            nwb.response("cc_2", new int[]{-650, 100, 0}, "volts", 1e-4, 2L);
            nwb.stimulus("st_2", new double[]{0, 10, 25}, "pA", 2, 2L);
        });
        Recording r = NwbReader.read(p);
        assertEquals(-65, r.sweeps().get(0).voltageMv()[0], 1e-9);
        assertEquals(-64.5, r.sweeps().get(0).voltageMv()[1], 1e-9);
        assertEquals(20, r.sweeps().get(0).currentPa()[0], 1e-9, "offset 0.02 nA");
        assertEquals(120, r.sweeps().get(0).currentPa()[1], 1e-9);
        assertEquals(270, r.sweeps().get(0).currentPa()[2], 1e-9);
        assertEquals(-65, r.sweeps().get(1).voltageMv()[0], 1e-9);
        assertEquals(10, r.sweeps().get(1).voltageMv()[1], 1e-9);
        assertEquals(50, r.sweeps().get(1).currentPa()[2], 1e-9);
    }

    @Test
    void unknownAndImplausibleUnits() {
        assertEquals("furlongs.nwb: series 'cc_1' has unit 'furlongs', expected V, volts, mV", message(
                SyntheticNwb.write(dir.resolve("furlongs.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "furlongs", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
                })));
        assertEquals("vstim.nwb: series 'st_1' has unit 'volts', expected A, amperes, pA, nA", message(
                SyntheticNwb.write(dir.resolve("vstim.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "V", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "volts", 1, 1L);
                })));
        assertEquals("nounit.nwb: series 'cc_1' has no unit, expected V, volts, mV", message(
                SyntheticNwb.write(dir.resolve("nounit.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), null, 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
                })));
        assertEquals("mv-as-v.nwb: series 'cc_1' (unit 'V', conversion 1.0) gives a median |v| of 6.200e+04 mV: "
                + "implausible for a membrane potential (limit 1000 mV), the unit or conversion is wrong", message(
                SyntheticNwb.write(dir.resolve("mv-as-v.nwb"), nwb -> {
                    float[] v = SyntheticNwb.volts(N, 0);
                    for (int k = 0; k < N; k++) {
                        v[k] *= 1000; // mV values labelled V
                    }
                    nwb.response("cc_1", v, "V", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
                })));
        assertEquals("v-as-mv.nwb: series 'cc_1' (unit 'mV', conversion 1.0) and every other response series of the "
                + "file never exceed 0.06500 mV in magnitude: implausible for a membrane potential (limit 0.2500 mV), "
                + "volts labelled as millivolts?", message(
                SyntheticNwb.write(dir.resolve("v-as-mv.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "mV", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
                })));
        assertEquals("a-as-pa.nwb: series 'st_1' (unit 'pA', conversion 1.0) and every other stimulus series of the "
                + "file never exceed 5.000e-12 pA in magnitude: implausible for an injected current (limit 0.001000 "
                + "pA), amperes labelled as picoamperes?", message(
                SyntheticNwb.write(dir.resolve("a-as-pa.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "V", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "pA", 1, 1L);
                })));
        assertEquals("huge-i.nwb: series 'st_1' (unit 'A', conversion 1.0) gives a median |i| of 1.000e+12 pA: "
                + "implausible for an injected current (limit 1.000e+06 pA), the unit or conversion is wrong", message(
                SyntheticNwb.write(dir.resolve("huge-i.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "V", 1, 1L);
                    nwb.stimulus("st_1", new double[]{1, 1, 1, 2}, "A", 1, 1L);
                })));
    }

    @Test
    void timestampsNestingUnpairedAndLengthMismatch() throws Exception {
        Path p = SyntheticNwb.write(dir.resolve("mixed.nwb"), nwb -> {
            WritableGroup cell = nwb.acquisition().putGroup("cell_1"); // nested, no neurodata_type
            WritableGroup g = cell.putGroup("cc_1");
            g.putAttribute("neurodata_type", Series.CURRENT_CLAMP);
            g.putAttribute("sweep_number", 1L);
            g.putDataset("data", SyntheticNwb.volts(N, 0)).putAttribute("unit", "V");
            double[] t = new double[N];
            for (int k = 0; k < N; k++) {
                t[k] = 12.5 + k / 25_000.0;
            }
            g.putDataset("timestamps", t);
            SyntheticNwb.series(nwb.presentation(), "st_1", Series.CURRENT_CLAMP_STIMULUS, SyntheticNwb.amperes(N, 5),
                    "A", 1, 25_000, 1L);
            nwb.response("cc_2", SyntheticNwb.volts(N, 0), "V", 1, 2L);
            nwb.response("cc_3", SyntheticNwb.volts(N, 0), "V", 1, 3L);
            nwb.stimulus("st_3", SyntheticNwb.amperes(N - 10, 5), "A", 1, 3L);
        });
        Recording r = NwbReader.read(p);
        assertEquals(List.of("cc_1"), names(r));
        assertEquals(25_000, r.sweeps().get(0).samplingRateHz(), "1 / median step, to 0.001 Hz");
        assertEquals(List.of(new Recording.SkippedSeries("cc_2", "no stimulus series paired with it"),
                new Recording.SkippedSeries("cc_3", "100 samples but its stimulus 'st_3' has 90")), r.skipped());
    }

    @Test
    void noSweepsAndNotNwb() {
        assertEquals("nostim.nwb: no current-clamp sweeps: 2 CurrentClampSeries (no stimulus series paired)", message(
                SyntheticNwb.write(dir.resolve("nostim.nwb"), nwb -> {
                    nwb.response("cc_1", SyntheticNwb.volts(N, 0), "V", 1, 1L);
                    nwb.response("cc_2", SyntheticNwb.volts(N, 0), "V", 1, 2L);
                })));
        assertEquals("izero.nwb: no current-clamp sweeps: 1 IZeroClampSeries (no current injected), 1 TimeSeries",
                message(SyntheticNwb.write(dir.resolve("izero.nwb"), nwb -> {
                    SyntheticNwb.series(nwb.acquisition(), "iz", "IZeroClampSeries", SyntheticNwb.volts(N, 0), "V", 1,
                            10_000, null);
                    SyntheticNwb.series(nwb.acquisition(), "ts", "TimeSeries", new double[N], "V", 1, 10_000, null);
                })));
        Path plain = dir.resolve("plain.h5");
        try (WritableHdfFile f = HdfFile.write(plain)) {
            f.putDataset("x", new double[]{1, 2, 3});
        }
        assertEquals("plain.h5: no current-clamp sweeps: the file has no /acquisition group (an HDF5 file, but not "
                + "NWB 2.x)", message(plain));
        Path nwb1 = dir.resolve("nwb1.nwb");
        try (WritableHdfFile f = HdfFile.write(nwb1)) {
            f.putDataset("nwb_version", "NWB-1.0.6");
            f.putGroup("acquisition").putGroup("timeseries");
        }
        assertEquals("nwb1.nwb: NWB 1.x file (nwb_version 'NWB-1.0.6'): this reader reads NWB 2.x", message(nwb1));
    }

    @Test
    void columnDataAndShapes() throws Exception {
        float[][] column = new float[N][1];
        float[][] twoColumns = new float[N][2];
        float[] v = SyntheticNwb.volts(N, 0);
        for (int k = 0; k < N; k++) {
            column[k][0] = v[k];
            twoColumns[k][0] = v[k];
        }
        Recording r = NwbReader.read(SyntheticNwb.write(dir.resolve("column.nwb"), nwb -> {
            nwb.response("cc_1", column, "V", 1, 1L);
            nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
        }));
        assertEquals(v[3] * 1e3, r.sweeps().get(0).voltageMv()[3], 1e-4);
        assertEquals("wide.nwb: series 'cc_1' data has shape [100, 2]: expected one trace", message(
                SyntheticNwb.write(dir.resolve("wide.nwb"), nwb -> {
                    nwb.response("cc_1", twoColumns, "V", 1, 1L);
                    nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, 1L);
                })));
    }

    /** Subject strings as attributes of /general/subject; cell id and temperature of the only electrode. */
    @Test
    void subjectAsAttributesAndElectrodeFields() throws Exception {
        Recording r = NwbReader.read(SyntheticNwb.write(dir.resolve("subject.nwb"), nwb -> {
            WritableGroup general = nwb.root().putGroup("general");
            WritableGroup subject = general.putGroup("subject");
            subject.putAttribute("species", "Mus musculus");
            subject.putAttribute("age", "P56D");
            subject.putAttribute("sex", "F");
            subject.putAttribute("genotype", "Pvalb-IRES-Cre/wt");
            subject.putDataset("subject_id", "mouse-7");
            WritableGroup electrode = general.putGroup("intracellular_ephys").putGroup("electrode_0");
            electrode.putAttribute("neurodata_type", "IntracellularElectrode");
            electrode.putDataset("cell_id", "cell-42");
            electrode.putDataset("description", "borosilicate pipette");
            electrode.putDataset("temperature", "34 C");
            nwb.response("cc_1", SyntheticNwb.volts(N, 0), "V", 1, -1L);
            nwb.stimulus("st_1", SyntheticNwb.amperes(N, 5), "A", 1, null);
        }));
        assertEquals(new SubjectInfo("Mus musculus", "P56D", "F", "Pvalb-IRES-Cre/wt", "mouse-7", "cell-42", "34 C",
                "2024-01-02T03:04:05+00:00", "synthetic"), r.subject());
        assertEquals(Sweep.NO_NUMBER, r.sweeps().get(0).sweepNumber(), "a negative sweep_number is no number");
    }
}
