package org.patchmap.core.spikes;

/**
 * One action potential and its features (spec sections 2 and 3). Times in s from sweep start,
 * voltages in mV, dV/dt in V/s; NaN where a feature cannot be computed (e.g. trough of a
 * clipped spike). Indices are sample indices into the sweep.
 *
 * @param thresholdIndex          refined threshold sample
 * @param thresholdT              threshold time
 * @param thresholdV              v at threshold
 * @param peakIndex               peak sample
 * @param peakT                   peak time
 * @param peakV                   v at peak
 * @param upstrokeIndex           sample of max dV/dt between threshold and peak
 * @param upstroke                max dV/dt threshold to peak
 * @param troughV                 min v from peak to next threshold (last spike: to end)
 * @param downstroke              min dV/dt peak to trough (negative)
 * @param fastTroughT             fast trough time
 * @param fastTroughV             fast trough v
 * @param width                   full width at half height, s
 * @param upstrokeDownstrokeRatio upstroke / -downstroke
 * @param clipped                 the last spike, when v never returns to threshold + 1 mV before the window's
 *                                end; or any spike whose fast trough is not found (spec 2 and 3). Its
 *                                trough_v, downstroke, fast trough, width and ratio are NaN
 */
public record Spike(int thresholdIndex, double thresholdT, double thresholdV, int peakIndex, double peakT,
                   double peakV, int upstrokeIndex, double upstroke, double troughV, double downstroke,
                   double fastTroughT, double fastTroughV, double width, double upstrokeDownstrokeRatio,
                   boolean clipped) {
}
