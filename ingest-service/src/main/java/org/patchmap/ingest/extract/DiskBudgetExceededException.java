package org.patchmap.ingest.extract;

import java.io.IOException;

/** Writing a file would take ingest's directories past {@code INGEST_DISK_BUDGET}. */
public class DiskBudgetExceededException extends IOException {
    public DiskBudgetExceededException(String message) {
        super(message);
    }
}
