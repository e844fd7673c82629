package org.patchmap.core.spikes;

import java.util.List;

/**
 * The spikes of one sweep inside the long-square window and the sweep features of spec
 * section 4 (spikes counted by threshold time). NaN where not computable.
 *
 * @param spikes    the spikes whose threshold lies in [start, end] (a spike whose refined threshold falls
 *                  before start is left out; ipfx keeps it in its spike table but not in avg_rate)
 * @param avgRate   spikes / (end - start), Hz (0 when none)
 * @param latency   first threshold - start, s
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
