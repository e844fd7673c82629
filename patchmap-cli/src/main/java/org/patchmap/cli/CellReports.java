package org.patchmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.SweepFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SkippedSweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.spikes.Spike;

import java.util.Map;

/**
 * The JSON the command line prints per file, in the shape of the reference cells of
 * {@code shared/golden/ipfx-reference.json}: file, window_s, sampling_rate_hz, sweeps, flags,
 * skipped, and for {@code features} the per-sweep spikes, features and qc; {@code error} instead
 * when the file cannot be used.
 */
final class CellReports {
    static final ObjectMapper JSON = new ObjectMapper();

    private CellReports() {
    }

    static ObjectNode error(String file, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("file", file);
        out.put("error", message);
        return out;
    }

    static ObjectNode family(Recording recording, SweepFamily family) {
        ObjectNode out = JSON.createObjectNode();
        out.put("file", recording.fileName());
        out.putArray("window_s").add(round(family.startS(), 1e-6)).add(round(family.endS(), 1e-6));
        out.put("sampling_rate_hz", family.samplingRateHz());
        ArrayNode sweeps = out.putArray("sweeps");
        for (FamilySweep member : family.sweeps()) {
            ObjectNode s = sweeps.addObject();
            putLabel(s, "sweep", member.label());
            s.put("amplitude_pA", member.amplitudePa());
        }
        ArrayNode flags = out.putArray("flags");
        family.flags().forEach(flags::add);
        ArrayNode skipped = out.putArray("skipped");
        for (SkippedSweep s : family.skipped()) {
            ObjectNode o = skipped.addObject();
            putLabel(o, "sweep", s.label());
            o.put("kind", s.kind().wire());
            o.put("reason", s.reason());
        }
        for (Recording.SkippedSeries s : recording.skipped()) {
            ObjectNode o = skipped.addObject();
            o.put("series", s.name());
            o.put("reason", s.reason());
        }
        return out;
    }

    /** The family report plus, per sweep, its spikes, and the cell's features and qc. */
    static ObjectNode features(Recording recording, SweepFamily family, CellFeatures features) {
        ObjectNode out = family(recording, family);
        ArrayNode sweeps = (ArrayNode) out.get("sweeps");
        for (int i = 0; i < features.sweeps().size(); i++) {
            SweepFeatures sf = features.sweeps().get(i);
            ObjectNode s = (ObjectNode) sweeps.get(i);
            s.put("n_spikes", sf.spikeCount());
            if (sf.spikes() != null && !sf.spikes().spikes().isEmpty()) {
                Spike first = sf.spikes().spikes().get(0);
                s.put("first_threshold_t", first.thresholdT());
                s.put("first_peak_v", first.peakV());
            }
            if (sf.spikeFailure() != null) {
                s.put("spike_error", sf.spikeFailure());
            }
        }
        ObjectNode values = out.putObject("features");
        features.values().forEach((name, v) -> {
            if (v == null) {
                values.putNull(name);
            } else {
                values.put(name, v);
            }
        });
        ObjectNode units = out.putObject("units");
        features.units().forEach(units::put);
        ObjectNode qc = out.putObject("qc");
        for (Map.Entry<String, String> e : features.reasons().entrySet()) {
            qc.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : features.qcFailures().entrySet()) {
            qc.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static void putLabel(ObjectNode node, String field, Object label) {
        if (label instanceof Integer n) {
            node.put(field, n);
        } else {
            node.put(field, String.valueOf(label));
        }
    }

    private static double round(double x, double step) {
        return Math.round(x / step) * step;
    }
}
