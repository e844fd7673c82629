package org.patchmap.ingest.dandi;

import java.net.URI;

/** A downloaded asset whose SHA-256 is not the one DANDI declares; the file has been deleted. */
public class DigestMismatchException extends DandiException {
    private final String assetId;
    private final String expected;
    private final String actual;

    public DigestMismatchException(String assetId, URI uri, String expected, String actual) {
        super("asset " + assetId + ": SHA-256 mismatch, expected " + expected + ", got " + actual
                + " (downloaded file deleted)", uri, -1, null);
        this.assetId = assetId;
        this.expected = expected;
        this.actual = actual;
    }

    public String assetId() {
        return assetId;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
