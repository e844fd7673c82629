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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.embedding.atlas.Atlas;
import org.patchmap.embedding.atlas.CellFilter;
import org.patchmap.embedding.store.CellTraces;
import org.patchmap.embedding.store.DisplayTraceIndex;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.messaging.store.TraceReader;

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
    DisplayTraceIndex displayTraces;

    @Inject
    TraceReader traceReader;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cells of the current map, filtered by dandiset, species, region, cluster, "
            + "<feature>_min / <feature>_max (map inputs in map units, other ipfx features in raw units) and polygon "
            + "(x1,y1,x2,y2,... in map coordinates, at least 3 vertices, even-odd rule); paged")
    public CellPageView list(@Context UriInfo uri,
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
        return atlas.list(filter, p, s).map(CellPageView::of)
                .orElseThrow(() -> ApiException.notFound(MapResource.NO_MAP));
    }

    @GET
    @Path("/{cellId: .+}/traces")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The display traces stored at ingest: per sweep its number, amplitude (pA), sampling rate, "
            + "t (s) and v (mV); 502 when the stored file is missing or does not match its claim-check")
    public TracesView traces(@PathParam("cellId") String cellId) {
        CellTraces stored = displayTraces.traces(cellId)
                .orElseThrow(() -> ApiException.notFound("no sweeps known for cell " + cellId));
        TraceRef display = stored.display();
        if (display == null) {
            throw ApiException.notFound("cell " + cellId + " has no display traces (extracted before they existed)");
        }
        List<DisplayTrace> decoded = traceReader.read(display, "display traces " + display.fileId() + " of " + cellId,
                List.of(DisplayCodec.ENCODING), DisplayCodec::decode);
        return TracesView.of(stored, decoded);
    }

    @GET
    @Path("/{cellId: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cell: features with units and QC reasons, metadata with sources, provenance with DANDI "
            + "links, its position and neighbours on the current map or its placement")
    public CellView cell(@PathParam("cellId") String cellId) {
        return atlas.cell(cellId).map(CellView::of).orElseThrow(() -> ApiException.notFound("no cell " + cellId));
    }
}
