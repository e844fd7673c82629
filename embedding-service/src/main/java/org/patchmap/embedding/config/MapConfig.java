package org.patchmap.embedding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.patchmap.core.map.MapParameters;

import java.time.Duration;

/** Typed view of the {@code patchmap.map.*} settings: when the living map is rebuilt and with what. */
@ConfigMapping(prefix = "patchmap.map")
public interface MapConfig {
    /** New reference cells since the current map that make the service build the next one. */
    @WithDefault("50")
    int recomputeAfter();

    /**
     * The share of the current map's cells that must be new before the next build, when more than
     * {@link #recomputeAfter()}: a backfill of thousands of cells then makes a few maps, not one per 50 cells.
     */
    @WithDefault("0.02")
    double recomputeFraction();

    /** New reference cells that make the next build, on a map of {@code mapCells} cells. */
    default int recomputeThreshold(int mapCells) {
        return Math.max(recomputeAfter(), (int) Math.ceil(recomputeFraction() * mapCells));
    }

    /**
     * Map versions kept in MongoDB (the current one always among them); older ones are deleted with their
     * cells and placements after each build. At least 1.
     */
    @WithDefault("5")
    int keepVersions();

    /** Quiet time after the last trigger before a build starts (bursts of cells make one map). */
    @WithDefault("5s")
    Duration debounce();

    /** Longest wait from the first trigger to the build, however busy the topic. */
    @WithDefault("60s")
    Duration maxWait();

    /**
     * How long the replica holding the map-builder lease keeps it without renewing: with several replicas,
     * only the holder builds maps; the others follow the version it makes current.
     */
    @WithDefault("30s")
    Duration builderLeaseTtl();

    /** How often the holder renews the map-builder lease. */
    @WithDefault("10s")
    Duration builderLeaseRenewEvery();

    /** How often every replica checks MongoDB for a version another replica made current. */
    @WithDefault("10s")
    Duration followEvery();

    /** This replica's name in leases (a pod's name in Kubernetes); a random suffix keeps two processes apart. */
    @WithDefault("local")
    String instanceId();

    /** The map seed. */
    @WithDefault("42")
    long seed();

    /** UMAP optimisation epochs; 0 = umap-learn's rule, the core's default (500 up to 10,000 cells, else 200). */
    @WithDefault("0")
    int epochs();

    /** UMAP neighbourhood size (the core's default: 150). */
    @WithDefault("150")
    int neighbors();

    /** The parameters of the next map: the core's defaults with this service's seed, epochs and neighbours. */
    default MapParameters parameters() {
        return MapParameters.defaults().withSeed(seed()).withEpochs(epochs()).withNeighbors(neighbors());
    }
}
