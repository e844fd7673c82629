package org.patchmap.metadata.domain;

import org.patchmap.events.Provenance;

import java.util.Map;

/**
 * What {@code patchmap.assets} last said of a file, as received.
 *
 * @param fileKey       the file key its cell ids start with
 * @param digest        the file's digest, {@code <algorithm>:<hex>}
 * @param provenance    where the file comes from
 * @param assetMetadata DANDI's asset metadata as received; empty for uploads
 */
public record ReceivedAsset(String fileKey, String digest, Provenance provenance, Map<String, Object> assetMetadata) {
}
