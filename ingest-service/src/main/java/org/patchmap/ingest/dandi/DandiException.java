package org.patchmap.ingest.dandi;

import java.io.IOException;
import java.net.URI;

/** A DANDI request that failed for good: names the URL and the HTTP status (-1 when none came back). */
public class DandiException extends IOException {
    private final URI uri;
    private final int status;

    public DandiException(String message, URI uri, int status, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status, -1 if the last attempt got no response (connection error, timeout). */
    public int status() {
        return status;
    }
}
