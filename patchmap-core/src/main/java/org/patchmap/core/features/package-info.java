/**
 * Long-square cell features, split as ipfx splits the science (spec features.md sections 4 and 5):
 * <ul>
 *   <li>{@link org.patchmap.core.features.SubthresholdFeatures}: peak_deflect, v_baseline, sag,
 *       input resistance, membrane time constant (ipfx {@code subthresh_features});</li>
 *   <li>{@link org.patchmap.core.features.FiCurve}: rheobase, f–I slope, consolidation of repeated
 *       amplitudes, square-root f–I fit;</li>
 *   <li>{@code RheobaseRelativeFeatures}: {@code ap_1_*}, {@code ap_mean_*}, train features and
 *       stimulus amplitude at rheobase + 20·k pA;</li>
 *   <li>{@link org.patchmap.core.features.CellFeatureExtractor}: the composition (ipfx
 *       {@code LongSquareAnalysis}), which never fails a cell for one feature.</li>
 * </ul>
 * Input: {@link org.patchmap.core.protocol.FamilySweep}s (sweep + amplitude), the window, and the
 * spike trains of {@code org.patchmap.core.spikes}. Output: {@link org.patchmap.core.features.CellFeatures}
 * (ipfx names and units, null + reason when not computable), range-checked by
 * {@link org.patchmap.core.qc.RangeQc}.
 */
package org.patchmap.core.features;
