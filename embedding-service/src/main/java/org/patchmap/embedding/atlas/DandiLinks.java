package org.patchmap.embedding.atlas;

import org.patchmap.events.Provenance;

import java.util.Optional;

/**
 * A DANDI file's links, pinned to its dandiset version.
 *
 * @param dandiset the dandiset version on dandiarchive.org
 * @param asset    the asset's metadata in the DANDI API
 * @param download the file itself
 */
public record DandiLinks(String dandiset, String asset, String download) {
    private static final String API = "https://api.dandiarchive.org/api/";

    /** The links of a file from DANDI; empty for a file without a DANDI asset (uploads). */
    public static Optional<DandiLinks> of(Provenance provenance) {
        String asset = provenance.assetId();
        if (asset == null) {
            return Optional.empty();
        }
        return Optional.of(new DandiLinks(provenance.dandisetUrl(), API + "dandisets/" + provenance.dandisetId()
                + "/versions/" + provenance.version() + "/assets/" + asset + "/", API + "assets/" + asset + "/download/"));
    }
}
