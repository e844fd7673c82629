package org.patchmap.embedding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.embedding.store.CellStore;

/** The atlas API: one cell, its features and its metadata with their sources. */
@Path("/api/cells")
@Tag(name = "cells", description = "Cells of the atlas")
public class CellResource {
    @Inject
    CellStore cells;

    @GET
    @Path("/{cellId: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A cell: features with units and QC reasons, metadata with sources, provenance")
    public Document cell(@PathParam("cellId") String cellId) {
        return cells.cell(cellId).orElseThrow(() -> new NotFoundException("no cell " + cellId));
    }
}
