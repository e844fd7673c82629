package org.patchmap.embedding.map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.map.LeftOffCell;
import org.patchmap.core.map.MapResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * What an operator charts for the map: builds by outcome and their time per stage, cells on the current map,
 * cells left off by reason, new cells waiting for the next map, placements by outcome and their time.
 */
@ApplicationScoped
public class MapMetrics {
    @Inject
    MeterRegistry registry;

    private final AtomicInteger cellsOnMap = new AtomicInteger();
    private MultiGauge leftOff;

    @PostConstruct
    void register() {
        Gauge.builder("patchmap.map.cells", cellsOnMap, AtomicInteger::get)
                .description("cells on the current map").register(registry);
        leftOff = MultiGauge.builder("patchmap.map.left.off")
                .description("cells of the current map's input left off, by reason").register(registry);
    }

    /** The gauge of reference cells that arrived since the current map. */
    void pending(IntSupplier count) {
        Gauge.builder("patchmap.map.pending.cells", count::getAsInt)
                .description("new reference cells since the current map").register(registry);
    }

    /** How a build ended, as the {@code outcome} tag says it. */
    enum BuildOutcome {
        BUILT("built"), FAILED("failed"), NOT_BUILDER("not_builder");

        final String tag;

        BuildOutcome(String tag) {
            this.tag = tag;
        }
    }

    /** How a placement ended, as the {@code outcome} tag says it (left_off: too few features). */
    enum PlacementOutcome {
        PLACED("placed"), LEFT_OFF("left_off"), NO_MAP("no_map");

        final String tag;

        PlacementOutcome(String tag) {
            this.tag = tag;
        }
    }

    void build(BuildOutcome outcome) {
        registry.counter("patchmap.maps.built", "outcome", outcome.tag).increment();
    }

    /** Old map versions deleted with their cells and placements. */
    void pruned(int versions) {
        registry.counter("patchmap.maps.pruned").increment(versions);
    }

    /** The stages of a finished build, as the core timed them, plus the service's own. */
    void stages(MapResult map, long storeNanos, long placerNanos) {
        stage("prepare", map.timings().prepareNanos());
        stage("knn", map.timings().knnNanos());
        stage("umap", map.timings().umapNanos());
        stage("pca", map.timings().pcaNanos());
        stage("clusters", map.timings().clustersNanos());
        stage("neighbours", map.timings().neighboursNanos());
        stage("store", storeNanos);
        stage("placer", placerNanos);
        stage("total", map.timings().totalNanos() + storeNanos + placerNanos);
    }

    /** The map now current: its size and its left-off cells by reason (the reason up to its details). */
    void current(int cells, List<LeftOffCell> left) {
        cellsOnMap.set(cells);
        Map<String, Integer> byReason = new TreeMap<>();
        for (LeftOffCell c : left) {
            byReason.merge(reasonClass(c.reason()), 1, Integer::sum);
        }
        leftOff.register(byReason.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("reason", e.getKey()), e.getValue())).toList(), true);
    }

    /** "10 of 16 map features usable, at least 12 needed (tau_ms: ...)" → the part before the details. */
    static String reasonClass(String reason) {
        int details = reason.indexOf(" (");
        return details < 0 ? reason : reason.substring(0, details);
    }

    void placement(PlacementOutcome outcome, long nanos) {
        registry.counter("patchmap.placements", "outcome", outcome.tag).increment();
        if (nanos > 0) {
            Timer.builder("patchmap.placement.duration").register(registry).record(Duration.ofNanos(nanos));
        }
    }

    private void stage(String stage, long nanos) {
        Timer.builder("patchmap.map.build.duration").tag("stage", stage).register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
