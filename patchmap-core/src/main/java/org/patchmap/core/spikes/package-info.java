/**
 * Spikes of a current-clamp sweep, split as ipfx splits the science (spec features.md sections 2
 * to 4):
 * <ul>
 *   <li>{@link org.patchmap.core.spikes.BesselFilter}, {@link org.patchmap.core.spikes.FiltFilt},
 *       {@link org.patchmap.core.spikes.Dvdt}: scipy's {@code bessel(4, Wn)} and {@code filtfilt},
 *       hand-written to agree with scipy, and dV/dt over the whole sweep (ipfx
 *       {@code calculate_dvdt}; spec 2);</li>
 *   <li>{@code SpikeDetection}: putative spikes, peaks, merge and filters, upstrokes, thresholds,
 *       validation, clipped (ipfx {@code spike_detector}; spec 2);</li>
 *   <li>{@code SpikeFeatures}: trough, downstroke, fast trough, width, upstroke/downstroke ratio
 *       (ipfx {@code spike_features}; spec 3);</li>
 *   <li>{@code SpikeTrainFeatures}: avg_rate, latency, ISIs, isi_cv, adapt (ipfx
 *       {@code spike_train_features}; spec 4);</li>
 *   <li>{@link org.patchmap.core.spikes.SpikeDetector}: the composition, {@code Sweep} + window →
 *       {@link org.patchmap.core.spikes.SpikeTrain} of {@link org.patchmap.core.spikes.Spike}s, the
 *       function {@code CellFeatureExtractor} takes.</li>
 * </ul>
 * Not here: the after-depolarisation search (ipfx's 1 kHz "heavy" filter, ADP and slow trough),
 * which no feature of the spec uses.
 */
package org.patchmap.core.spikes;
