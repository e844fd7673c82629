package org.patchmap.metadata.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.CellMetadataStore;
import org.patchmap.metadata.store.DandisetMetadataStore;

import java.util.List;

/**
 * The extracted metadata, per file (as published on patchmap.metadata) and per dandiset version,
 * and the DANDI metadata each file's asset event carried, as received.
 */
@Path("/api")
@Tag(name = "metadata", description = "Species, region, age, sex, genotype and temperature with their sources")
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {
    @Inject
    CellMetadataStore files;

    @Inject
    DandisetMetadataStore dandisets;

    @Inject
    AssetMetadataStore assets;

    @GET
    @Path("/metadata/{fileKey: .+}")
    @Operation(summary = "A file's metadata, each value with its source and confidence")
    @APIResponse(responseCode = "404", description = "No metadata for this file key")
    public FileMetadataView file(@PathParam("fileKey") String fileKey) {
        return files.find(fileKey).map(FileMetadataView::of)
                .orElseThrow(() -> new NotFoundException("no metadata for " + fileKey));
    }

    @GET
    @Path("/metadata")
    @Operation(summary = "The metadata of a dandiset's files, in file-key order")
    @APIResponse(responseCode = "400", description = "No dandiset given")
    public List<FileMetadataView> ofDandiset(@QueryParam("dandiset") String dandisetId,
                                             @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (dandisetId == null || dandisetId.isBlank()) {
            throw new BadRequestException("query parameter 'dandiset' is required");
        }
        return files.ofDandiset(dandisetId, Math.max(1, Math.min(limit, 10_000))).stream()
                .map(FileMetadataView::of).toList();
    }

    @GET
    @Path("/dandisets/{id}/versions/{version}/metadata")
    @Operation(summary = "What a dandiset version's own metadata says (summary species, text region, temperature)")
    @APIResponse(responseCode = "404", description = "This dandiset version has not been extracted")
    public DandisetMetadataView dandiset(@PathParam("id") String id, @PathParam("version") String version) {
        return dandisets.find(id, version).map(DandisetMetadataView::of)
                .orElseThrow(() -> new NotFoundException("no metadata for dandiset " + id + " version " + version));
    }

    @GET
    @Path("/asset-metadata/{fileKey: .+}")
    @Operation(summary = "The DANDI asset metadata kept for a file key, as received")
    @APIResponse(responseCode = "404", description = "No metadata received for this file key")
    public AssetMetadataView assetMetadata(@PathParam("fileKey") String fileKey) {
        return assets.find(fileKey).map(AssetMetadataView::of)
                .orElseThrow(() -> new NotFoundException("no metadata for " + fileKey));
    }
}
