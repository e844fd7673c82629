package org.patchmap.metadata.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.Provenance;
import org.patchmap.metadata.domain.ReceivedAsset;

import java.util.Map;

/** {@code GET /api/asset-metadata/...}: what {@code patchmap.assets} last said of a file. */
@Schema(description = "The DANDI metadata last received for a file on patchmap.assets, as received. Absent "
        + "values are omitted.")
public record AssetMetadataView(
        @Schema(description = "The file key") String fileKey,
        @Schema(description = "The file's digest, <algorithm>:<hex>") String digest,
        @Schema(description = "Where the file comes from") Provenance provenance,
        @Schema(description = "DANDI's asset metadata (wasAttributedTo, digest, ...); empty for uploads")
        Map<String, Object> assetMetadata) {

    static AssetMetadataView of(ReceivedAsset asset) {
        return new AssetMetadataView(asset.fileKey(), asset.digest(), asset.provenance(), asset.assetMetadata());
    }
}
