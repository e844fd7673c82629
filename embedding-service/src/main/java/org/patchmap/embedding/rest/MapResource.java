package org.patchmap.embedding.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.patchmap.core.qc.MapFeatures;
import org.patchmap.embedding.atlas.Atlas;
import org.patchmap.embedding.atlas.AtlasTable;
import org.patchmap.embedding.atlas.MapArrow;
import org.patchmap.embedding.atlas.PreparedMap;
import org.patchmap.embedding.map.LivingMap;
import org.patchmap.embedding.messaging.MapPublisher;
import org.patchmap.embedding.store.CellStore;
import org.patchmap.events.MapEvent;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** The map: the current version, the stream of new versions, and the operator's requests. */
@Path("/api")
@Tag(name = "maps", description = "The versioned map of all reference cells")
public class MapResource {
    static final String NO_MAP = "no map yet";

    @Inject
    Atlas atlas;
    @Inject
    LivingMap living;
    @Inject
    MapPublisher publisher;
    @Inject
    CellStore cells;
    @Inject
    ObjectMapper json;

    private final AtomicReference<PreparedJson> preparedJson = new AtomicReference<>();

    @GET
    @Path("/maps/current")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current map: version, parameters, and per cell (columns) id, x, y, cluster, dandiset, "
            + "species, region, simulated type, age, recording temperature, whether it is placed and the 16 map "
            + "features; 404 before the first map")
    @APIResponse(responseCode = "200", description = "the map's cells, then the cells placed on it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CurrentMapView.class)))
    public Response current(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
                            @Context HttpServerResponse http) throws IOException {
        PreparedMap p = atlas.prepared().orElseThrow(() -> ApiException.notFound(NO_MAP));
        if (!acceptsGzip(acceptEncoding)) {
            return Response.ok(CurrentMapView.of(p.table()), MediaType.APPLICATION_JSON).build();
        }
        // Serialised and compressed once per prepared map (tens of MB of JSON at 100,000 cells), then copied.
        PreparedJson j = preparedJson.get();
        if (j == null || j.source() != p) {
            j = new PreparedJson(p, PreparedMap.gzip(json.writeValueAsBytes(CurrentMapView.of(p.table()))));
            preparedJson.set(j);
        }
        http.headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
        return Response.ok(j.gzip(), MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }

    /** The JSON form of a prepared map, gzip-compressed. */
    private record PreparedJson(PreparedMap source, byte[] gzip) {
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    @GET
    @Path("/maps/current")
    @Produces(MapArrow.MEDIA_TYPE)
    @Operation(summary = "The current map as an Apache Arrow IPC stream (Accept: " + MapArrow.MEDIA_TYPE + "): per "
            + "cell id, x, y (float32), cluster, dandiset, species, region, simulatedType (dictionary-encoded), "
            + "placed, ageDays and temperatureC (float32, nullable), lab (dictionary-encoded); the version in the "
            + "schema's metadata; "
            + "gzip-compressed when the client accepts it")
    public Response currentArrow(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
                                 @Context HttpServerResponse http) {
        PreparedMap p = atlas.prepared().orElseThrow(() -> ApiException.notFound(NO_MAP));
        if (p.arrow() == null) {
            throw ApiException.unavailable(p.arrowUnavailable());
        }
        // Compressed once when prepared: the response only copies bytes. The header is set on the HTTP response
        // itself, replacing the "identity" the HTTP layer gives media types it does not compress.
        boolean gzip = acceptsGzip(acceptEncoding);
        if (gzip) {
            http.headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return Response.ok(gzip ? p.arrowGzip() : p.arrow(), MapArrow.MEDIA_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    @GET
    @Path("/maps/current/values")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of the 16 map inputs (map units) for every cell of the current map, in the row order "
            + "of /api/maps/current; 400 naming an unknown feature, 404 before the first map")
    @APIResponse(responseCode = "200", description = "the values, null where a cell lacks the feature",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeatureValuesView.class)))
    public FeatureValuesView values(@Parameter(description = "a map input, one of the map's features",
            example = "tau_ms") @QueryParam("feature") String feature) {
        int f = feature == null ? -1 : MapFeatures.NAMES.indexOf(feature);
        if (f < 0) {
            throw ApiException.badRequest((feature == null || feature.isEmpty() ? "query parameter 'feature' is missing"
                    : "unknown feature '" + feature + "'") + ": use one of the 16 map inputs: "
                    + String.join(", ", MapFeatures.NAMES));
        }
        // Served from the prepared table: no database read beyond the current pointer.
        AtlasTable t = atlas.current().orElseThrow(() -> ApiException.notFound(NO_MAP));
        return new FeatureValuesView(t.mapVersion(), feature, MapFeatures.INPUTS.get(f).unit(), t.input(f));
    }

    @GET
    @Path("/maps/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: one map_version event each time a new map is live")
    public Multi<MapEvent> events() {
        return publisher.newMaps();
    }

    @POST
    @Path("/admin/maps")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build a new map now (after the debounce); 202 with the version id it will have")
    public Response build() {
        return Response.accepted(new BuildRequestView(living.requestBuild())).build();
    }

    @POST
    @Path("/admin/cells/{cellId: .+}/reference")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admit an uploaded cell to the reference map (from the next map on)")
    public ReferenceView reference(@PathParam("cellId") String cellId) {
        if (!cells.markReference(cellId)) {
            throw ApiException.notFound("no features for cell " + cellId);
        }
        cells.features(cellId).ifPresent(living::arrived);
        return new ReferenceView(cellId, true);
    }
}
