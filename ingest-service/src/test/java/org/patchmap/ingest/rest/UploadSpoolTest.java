package org.patchmap.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.ingest.config.IngestConfig;
import org.patchmap.ingest.extract.DiskBudget;

import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HTTP layer spools a multipart body inside the uploads directory, and the disk budget counts it while it
 * arrives: an upload held open after 512 KiB of its file raises the bytes in use by at least that much, and they
 * are free again once its connection closes (the spooled file deleted).
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class UploadSpoolTest {
    private static final int SENT = 512 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DiskBudget budget;

    @Inject
    IngestConfig config;

    @Test
    void theSpoolLiesInTheUploadsDirectory() {
        Path spool = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        assertEquals(config.uploadsDir().resolve(DiskBudget.INCOMING).toAbsolutePath().normalize(),
                spool.toAbsolutePath().normalize());
    }

    @Test
    void aBodyInTransitCountsInTheDiskBudget() throws Exception {
        long before = budget.used();
        try (Socket upload = RawHttp.startUpload(base, "192.0.2.1", 10L * SENT)) {
            RawHttp.send(upload, SENT);
            Eventually.until("the spooled 512 KiB counted", () -> budget.used() - before >= SENT);
        }
        Eventually.until("the spooled body deleted", () -> budget.used() - before < SENT);
    }
}
