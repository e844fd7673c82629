package org.patchmap.embedding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.core.features.FeatureNames;
import org.patchmap.embedding.atlas.Atlas;
import org.patchmap.embedding.atlas.AtlasTable;
import org.patchmap.embedding.atlas.ColumnDictionary;
import org.patchmap.embedding.store.CellStore;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The whole current map as one CSV table, and what each of its columns means. */
@Path("/api")
@Tag(name = "export", description = "The atlas as a table")
public class ExportResource {
    @Inject
    Atlas atlas;

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "One row per cell built into the map (placed cells are not exported): id, dandiset, species, region, simulated type (empty for a real "
            + "cell), x, y, cluster, the 16 map inputs, every ipfx feature; first line '# PatchMap map <version> ...'")
    public Response csv() {
        AtlasTable t = atlas.current().orElseThrow(() -> ApiException.notFound(MapResource.NO_MAP));
        List<ColumnDictionary.Column> columns = ColumnDictionary.columns();
        // Written as it is read: a batch of cells' raw features at a time, never the whole table's.
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("# PatchMap map " + t.mapVersion() + " created " + t.createdAt() + " by " + t.codeVersion()
                    + ", seed " + t.parameters().seed() + ", " + t.mappedCount()
                    + " cells; columns: /api/export/dictionary\n");
            w.write(String.join(",", columns.stream().map(ColumnDictionary.Column::name).toList()));
            w.write('\n');
            StringBuilder row = new StringBuilder(4096);
            for (int from = 0; from < t.mappedCount(); from += CellStore.BATCH) {
                int to = Math.min(t.mappedCount(), from + CellStore.BATCH);
                Map<String, Map<String, Double>> raw = atlas.rawFeatures(t, from, to);
                for (int i = from; i < to; i++) {
                    row.setLength(0);
                    row.append(field(t.ids()[i])).append(',').append(field(t.dandisets()[i])).append(',')
                            .append(field(t.species()[i])).append(',').append(field(t.regions()[i])).append(',')
                            .append(field(t.simulatedTypes()[i])).append(',').append(t.x()[i]).append(',')
                            .append(t.y()[i]).append(',').append(t.clusters()[i]);
                    for (Double v : t.values()[i]) {
                        row.append(',').append(v == null ? "" : v.toString());
                    }
                    Map<String, Double> features = raw.getOrDefault(t.ids()[i], Map.of());
                    for (String name : FeatureNames.ALL) {
                        Double v = features.get(name);
                        row.append(',').append(v == null ? "" : v.toString());
                    }
                    w.append(row).append('\n');
                }
            }
            w.flush();
        };
        return Response.ok(body).header("Content-Disposition",
                "attachment; filename=\"patchmap-" + t.mapVersion().replace(':', '-') + ".csv\"").build();
    }

    @GET
    @Path("/export/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every column of the CSV export with its unit and definition, in column order")
    public List<ColumnDictionary.Column> dictionary() {
        return ColumnDictionary.columns();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; null is empty. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
