package org.patchmap.ingest.upload;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the upload expiry every {@code UPLOAD_EXPIRY_INTERVAL} (each replica its own uploads directory). */
@ApplicationScoped
public class UploadExpirySchedule {
    @Inject
    UploadExpiry expiry;

    @Scheduled(identity = "upload-expiry", every = "${patchmap.ingest.upload-expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        expiry.sweep();
    }
}
