package org.patchmap.core.recording.nwb;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;

/**
 * Small NWB-shaped HDF5 files written with jhdf, for layouts the real files in ../shared do not
 * have (MIES names and integer data, several headstages, units, nesting, timestamps). jhdf 0.13
 * cannot write links or compound references, so the icephys-table path is tested on
 * 99111002.nwb and on {@link Pairing} directly.
 */
final class SyntheticNwb {
    private final WritableHdfFile file;
    private final WritableGroup acquisition;
    private final WritableGroup presentation;

    private SyntheticNwb(WritableHdfFile file) {
        this.file = file;
        file.putAttribute("neurodata_type", "NWBFile");
        file.putAttribute("nwb_version", "2.5.0");
        file.putDataset("session_start_time", "2024-01-02T03:04:05+00:00");
        file.putDataset("session_description", "synthetic");
        acquisition = file.putGroup("acquisition");
        presentation = file.putGroup("stimulus").putGroup("presentation");
    }

    interface Content {
        void write(SyntheticNwb nwb);
    }

    static Path write(Path path, Content content) {
        try (WritableHdfFile f = HdfFile.write(path)) {
            content.write(new SyntheticNwb(f));
        }
        return path;
    }

    WritableHdfFile root() {
        return file;
    }

    WritableGroup acquisition() {
        return acquisition;
    }

    WritableGroup presentation() {
        return presentation;
    }

    /** A series group with data, unit, conversion and starting_time rate; sweepNumber may be null. */
    static WritableGroup series(WritableGroup parent, String name, String type, Object data, String unit,
                                double conversion, double rateHz, Object sweepNumber) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("neurodata_type", type);
        if (sweepNumber != null) {
            g.putAttribute("sweep_number", sweepNumber);
        }
        WritableDataset d = g.putDataset("data", data);
        if (unit != null) {
            d.putAttribute("unit", unit);
        }
        d.putAttribute("conversion", conversion);
        WritableDataset t = g.putDataset("starting_time", 0.0);
        t.putAttribute("rate", rateHz);
        t.putAttribute("unit", "seconds");
        return g;
    }

    WritableGroup response(String name, Object data, String unit, double conversion, Object sweepNumber) {
        return series(acquisition, name, Series.CURRENT_CLAMP, data, unit, conversion, 10_000, sweepNumber);
    }

    WritableGroup stimulus(String name, Object data, String unit, double conversion, Object sweepNumber) {
        return series(presentation, name, Series.CURRENT_CLAMP_STIMULUS, data, unit, conversion, 10_000, sweepNumber);
    }

    /** n samples: v in volts around -0.065 (float), i a step of {@code pa} picoamperes in amperes (double). */
    static float[] volts(int n, double offsetMv) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) ((-65 + offsetMv + (k % 7)) * 1e-3);
        }
        return v;
    }

    static double[] amperes(int n, double pa) {
        double[] i = new double[n];
        for (int k = n / 4; k < 3 * n / 4; k++) {
            i[k] = pa * 1e-12;
        }
        return i;
    }
}
