package org.patchmap.core.spikes;

import java.util.List;

/**
 * The spikes of one sweep inside the long-square window and the sweep features of spec
 * section 4. NaN where not computable.
 *
 * @param spikes    every spike detected in the window (spec 2: by its putative dV/dt crossing), as ipfx's
 *                  spike table; a refined threshold may lie up to a few samples before start
 * @param avgRate   spikes whose threshold lies in [start, end] / (end - start), Hz (0 when none), as ipfx's
 *                  average_rate: a spike whose threshold lies before start is in {@code spikes} but not here
 * @param latency   first threshold - start, s (negative when that threshold lies before start, as in ipfx)
 * @param firstIsi  first inter-spike interval, s
 * @param meanIsi   mean ISI, s
 * @param medianIsi median ISI, s
 * @param isiCv     population std / mean of the ISIs
 * @param adapt     adaptation index (NaN with fewer than 2 ISIs)
 */
public record SpikeTrain(List<Spike> spikes, double avgRate, double latency, double firstIsi, double meanIsi,
                         double medianIsi, double isiCv, double adapt) {
    public SpikeTrain {
        spikes = List.copyOf(spikes);
    }
}
