package org.patchmap.embedding.atlas;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.core.qc.MapFeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of the export, in order, each with its unit and definition: the cell's identity (with its
 * simulated type, empty for a real cell) and place on the map, the 16 map inputs (map units, spec section 6) and every ipfx cell feature (spec sections 3 to 5).
 * Definitions of the ipfx features are composed from their name (what, which spike, which sweep).
 */
public final class ColumnDictionary {
    /** One column. */
    @Schema(description = "A column of the CSV export")
    public record Column(@Schema(description = "its name, as in the CSV header") String name,
                         @Schema(description = "its unit, empty when none") String unit,
                         @Schema(description = "what it holds") String definition) {
    }

    private static final Pattern PER_SWEEP = Pattern.compile("(ap_1_|ap_mean_)?(.+)_(\\d)_long_square");
    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("input_resistance", "input resistance from the subthreshold responses"),
            Map.entry("tau", "membrane time constant (exponential fit to the hyperpolarising response)"),
            Map.entry("v_baseline", "membrane potential before the stimulus"),
            Map.entry("sag_nearest_minus_100", "sag ratio of the hyperpolarising sweep nearest −100 pA"),
            Map.entry("sag_measured_at", "voltage at which the sag was measured"),
            Map.entry("rheobase_i", "smallest long-square amplitude that evokes an action potential"),
            Map.entry("fi_linear_fit_slope", "slope of a straight-line fit of firing rate against current"),
            Map.entry("fi_sqrt_fit_A", "gain A of the fit rate = A·√(I − Ic)"),
            Map.entry("fi_sqrt_fit_Ic", "threshold current Ic of the fit rate = A·√(I − Ic)"),
            Map.entry("threshold_v", "action potential threshold"),
            Map.entry("peak_v", "action potential peak"),
            Map.entry("upstroke", "maximum dV/dt of the rise"),
            Map.entry("downstroke", "minimum dV/dt of the fall"),
            Map.entry("upstroke_downstroke_ratio", "upstroke over the magnitude of the downstroke"),
            Map.entry("width", "action potential width at half height"),
            Map.entry("fast_trough_v", "fast trough after the action potential"),
            Map.entry("avg_rate", "mean firing rate over the stimulus"),
            Map.entry("latency", "time from stimulus onset to the first action potential"),
            Map.entry("first_isi", "first inter-spike interval"),
            Map.entry("isi_cv", "coefficient of variation of the inter-spike intervals"),
            Map.entry("median_isi", "median inter-spike interval"),
            Map.entry("adapt", "adaptation index of the inter-spike intervals"),
            Map.entry("stimulus_amplitude", "stimulus amplitude of that sweep"));

    private ColumnDictionary() {
    }

    public static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("cell_id", "", "stable cell id: dandi:<dandiset>/<asset path>[#n] or upload:<sha>/<file>"),
                new Column("dandiset", "", "DANDI dandiset id"),
                new Column("species", "", "species (metadata-service; see the cell's sources in the API)"),
                new Column("region", "", "brain region (metadata-service vocabulary)"),
                new Column("simulated_type", "", "for a simulated cell, the model type it was drawn from (its"
                        + " archive's asset metadata, e.g. fast_spiking); empty for a real cell"),
                new Column("x", "", "UMAP x of this map version"),
                new Column("y", "", "UMAP y of this map version"),
                new Column("cluster", "", "Gaussian-mixture cluster (0 = largest)")));
        for (MapFeatures.Input in : MapFeatures.INPUTS) {
            columns.add(new Column(in.name(), in.unit(), "map input (spec section 6): " + in.source()
                    + (in.name().equals(in.source()) ? "" : " in " + in.unit()) + " after range QC; empty when missing"
                    + " or failed QC"));
        }
        for (String name : FeatureNames.ALL) {
            columns.add(new Column(name, FeatureNames.unit(name), definition(name)));
        }
        return columns;
    }

    static String definition(String name) {
        String direct = WHAT.get(name);
        if (direct != null) {
            return direct;
        }
        Matcher m = PER_SWEEP.matcher(name);
        if (!m.matches() || !WHAT.containsKey(m.group(2))) {
            return name;
        }
        String spike = m.group(1) == null ? "" : m.group(1).equals("ap_1_") ? " of the first action potential"
                : " averaged over the action potentials";
        int k = Integer.parseInt(m.group(3));
        String sweep = k == 0 ? "the rheobase sweep" : "the sweep at rheobase + " + (k * 20) + " pA";
        return WHAT.get(m.group(2)) + spike + ", on " + sweep;
    }
}
