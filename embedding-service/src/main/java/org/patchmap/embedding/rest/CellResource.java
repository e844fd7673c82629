package org.patchmap.embedding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.embedding.atlas.Atlas;
import org.patchmap.embedding.atlas.CellFilter;
import org.patchmap.embedding.store.TraceStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The atlas API for cells: filtered lists, one cell with its place on the map, its display traces. */
@Path("/api/cells")
@Tag(name = "cells", description = "Cells of the atlas")
public class CellResource {
    static final int MAX_PAGE = 1000;

    @Inject
    Atlas atlas;

    @Inject
    TraceStore traces;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cells of the current map, filtered by dandiset, species, region, cluster and "
            + "<feature>_min / <feature>_max (map inputs in map units, other ipfx features in raw units); paged")
    public Map<String, Object> list(@Context UriInfo uri,
                                    @Parameter(description = "page, from 0") @QueryParam("page") Integer page,
                                    @Parameter(description = "cells per page, 1..1000 (50)") @QueryParam("size") Integer size) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> query.put(k, v.get(0)));
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > MAX_PAGE) {
            throw ApiException.badRequest("page " + p + " and size " + s + ": page must be >= 0 and size in 1.."
                    + MAX_PAGE);
        }
        CellFilter filter;
        try {
            filter = CellFilter.of(query);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return atlas.list(filter, p, s).orElseThrow(() -> ApiException.notFound(MapResource.NO_MAP));
    }

    @GET
    @Path("/{cellId: .+}/traces")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The display traces stored at ingest: per sweep its number, amplitude (pA), sampling rate, "
            + "t (s) and v (mV)")
    public Map<String, Object> traces(@PathParam("cellId") String cellId) {
        Document family = traces.family(cellId).orElseThrow(() -> ApiException.notFound("no sweeps known for cell "
                + cellId));
        Document display = family.get("display", Document.class);
        if (display == null) {
            throw ApiException.notFound("cell " + cellId + " has no display traces (extracted before they existed)");
        }
        List<DisplayTrace> decoded;
        try {
            decoded = traces.display(cellId, display);
        } catch (TraceStore.TracesUnavailableException e) {
            throw new ApiException(502, e.getMessage());
        }
        Map<Integer, Object> amplitudes = new LinkedHashMap<>();
        for (Document s : family.getList("sweeps", Document.class)) {
            amplitudes.put(s.getInteger("sweepNumber"), s.get("amplitudePa"));
        }
        List<Map<String, Object>> sweeps = new ArrayList<>();
        for (DisplayTrace d : decoded) {
            double[] t = new double[d.voltageMv().size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = d.voltageMv().index()[i] / d.samplingRateHz();
            }
            Map<String, Object> sweep = new LinkedHashMap<>();
            sweep.put("sweepNumber", d.sweepNumber());
            sweep.put("amplitudePa", amplitudes.get(d.sweepNumber()));
            sweep.put("samplingRateHz", d.samplingRateHz());
            sweep.put("t", t);
            sweep.put("v", d.voltageMv().values());
            sweeps.add(sweep);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("window", family.get("window"));
        body.put("sweeps", sweeps);
        return body;
    }

    @GET
    @Path("/{cellId: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cell: features with units and QC reasons, metadata with sources, provenance with DANDI "
            + "links, its position and neighbours on the current map or its placement")
    public Document cell(@PathParam("cellId") String cellId) {
        return atlas.cell(cellId).orElseThrow(() -> ApiException.notFound("no cell " + cellId));
    }
}
