package org.patchmap.feature.compute;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.SweepFamilyEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The science behind the service edge: a family event and its stored traces to the cell's
 * features (patchmap-core), timed and counted. Metrics: {@code patchmap_feature_cells_total},
 * {@code patchmap_feature_cell_duration_seconds}, {@code patchmap_feature_nulls_total{feature,reason}}
 * and {@code patchmap_feature_qc_failures_total{feature}}.
 */
@ApplicationScoped
public class FamilyFeatures {
    @Inject
    MeterRegistry registry;

    public CellFeatures of(SweepFamilyEvent family, List<Sweep> sweeps) {
        List<FamilySweep> members = members(family, sweeps);
        Timer.Sample sample = Timer.start(registry);
        CellFeatures features = CellAnalysis.features(members, family.window().startS(), family.window().endS());
        sample.stop(registry.timer("patchmap.feature.cell.duration"));
        registry.counter("patchmap.feature.cells").increment();
        for (Map.Entry<String, String> e : features.reasons().entrySet()) {
            registry.counter("patchmap.feature.nulls", "feature", e.getKey(), "reason", reasonKind(e.getValue()))
                    .increment();
        }
        for (String name : features.qcFailures().keySet()) {
            registry.counter("patchmap.feature.qc.failures", "feature", name).increment();
        }
        return features;
    }

    /** The family's sweeps with the amplitudes its event gives them (the traces hold one sweep per event sweep). */
    static List<FamilySweep> members(SweepFamilyEvent family, List<Sweep> sweeps) {
        List<FamilySweep> members = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            members.add(new FamilySweep(sweeps.get(i), family.sweeps().get(i).amplitudePa()));
        }
        return members;
    }

    /** A reason without its numbers and sweep names, so that the label stays low-cardinality. */
    static String reasonKind(String reason) {
        String kind = reason.replaceAll("\\(.*", "").replaceAll("sweep \\S+", "sweep N")
                .replaceAll("[-−+]?\\d+(\\.\\d+)?", "N").trim();
        return kind.length() > 80 ? kind.substring(0, 80) : kind;
    }
}
