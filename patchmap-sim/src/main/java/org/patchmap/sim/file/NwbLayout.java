package org.patchmap.sim.file;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a real NWB producer lays out an intracellular recording, as DANDI's icephys dandisets show
 * it (shared/data/dandi/nwb-layouts). The wire string names the producer, e.g. {@code mies}.
 */
public enum NwbLayout {
    /**
     * MIES (Allen Institute; dandisets 000020, 000023, 000109, 000288, 000570, 001455):
     * /acquisition/data_00000_AD0 and /stimulus/presentation/data_00000_DA0 with sweep_number,
     * float32 mV and pA with a float32 conversion, NWB 2.2.4.
     */
    MIES,
    /**
     * NeuroConv from ABF (000245, 000295): current_clamp-response-01-ch-0 and stimulus-01-ch-0,
     * no sweep_number, int16 counts with a conversion and float64 pA, NWB 2.8.0.
     */
    NEUROCONV_ABF,
    /**
     * pynwb with the NWB 2.2 SweepTable (000008, 000035): CurrentClampSeries000 and
     * CurrentClampStimulusSeries000 with sweep_number, float64 volts and amperes, NWB 2.2.5.
     */
    PYNWB_SWEEP_TABLE;

    /** As named on the command line and in file names. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The layout named {@code wire}. */
    public static NwbLayout of(String wire) {
        for (NwbLayout l : values()) {
            if (l.wire().equals(wire)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown NWB layout '" + wire + "': expected one of "
                + Arrays.stream(values()).map(NwbLayout::wire).collect(Collectors.joining(", ")));
    }
}
