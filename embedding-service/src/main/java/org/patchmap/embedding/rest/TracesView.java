package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.embedding.store.CellTraces;
import org.patchmap.events.SweepFamilyEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/cells/{id}/traces}: the display traces ingest stored, decoded. */
@Schema(description = "A cell's display traces: per sweep its stimulus amplitude and the voltage points kept for "
        + "drawing")
public record TracesView(@Schema(description = "cell id") String cellId,
                         @Schema(description = "the long-square epoch") Window window,
                         @Schema(description = "the sweeps, in stimulus-amplitude order") List<Sweep> sweeps) {

    static TracesView of(CellTraces stored, List<DisplayTrace> decoded) {
        Map<Integer, Double> amplitudes = new HashMap<>();
        for (SweepFamilyEvent.SweepSummary s : stored.sweeps()) {
            amplitudes.put(s.sweepNumber(), s.amplitudePa());
        }
        List<Sweep> sweeps = decoded.stream().map(d -> {
            double[] t = new double[d.voltageMv().size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = d.voltageMv().index()[i] / d.samplingRateHz();
            }
            return new Sweep(d.sweepNumber(), amplitudes.get(d.sweepNumber()), d.samplingRateHz(), t,
                    d.voltageMv().values());
        }).toList();
        return new TracesView(stored.cellId(), new Window(stored.window().startS(), stored.window().endS()), sweeps);
    }

    @Schema(description = "The long-square epoch, seconds from sweep start")
    public record Window(@Schema(description = "start, s") double startS,
                         @Schema(description = "end, s") double endS) {
    }

    @Schema(description = "One sweep thinned for drawing")
    public record Sweep(@Schema(description = "the file's sweep number") int sweepNumber,
                        @Schema(description = "stimulus amplitude, pA; null when the sweeps event does not list it")
                        Double amplitudePa,
                        @Schema(description = "the original sampling rate") double samplingRateHz,
                        @Schema(description = "time of each point, s from sweep start") double[] t,
                        @Schema(description = "membrane potential of each point, mV") double[] v) {
    }
}
