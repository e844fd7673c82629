package org.patchmap.core.recording.nwb;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * One NWB time series group found under /acquisition or /stimulus/presentation.
 *
 * @param name        group name (the sweep's name)
 * @param type        its neurodata_type, e.g. "CurrentClampSeries"
 * @param group       the group
 * @param address     object header address (what HDF5 object references point at)
 * @param sweepNumber the sweep_number attribute, or null when absent or not a usable integer
 */
record Series(String name, String type, Group group, long address, Integer sweepNumber) {
    static final String CURRENT_CLAMP = "CurrentClampSeries";
    static final String CURRENT_CLAMP_STIMULUS = "CurrentClampStimulusSeries";
    static final String VOLTAGE_CLAMP = "VoltageClampSeries";
    static final String I_ZERO = "IZeroClampSeries";

    static Series of(String name, String type, Group group) {
        return new Series(name, type, group, group.getAddress(), sweepNumber(group));
    }

    /** The address of the electrode this series was recorded with (its electrode link), or null. */
    Long electrode() {
        Node e = Hdf.child(group, "electrode");
        return e == null ? null : e.getAddress();
    }

    /** sweep_number may be a scalar or a length-1 array, int or uint of any width. */
    private static Integer sweepNumber(Group g) {
        Double x = Hdf.attributeNumber(g, "sweep_number");
        if (x == null || x < 0 || x > Integer.MAX_VALUE || x != Math.rint(x)) {
            return null;
        }
        return x.intValue();
    }
}
