package org.patchmap.ingest.extract;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.AssetEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.ingest.extract.Fixtures.cell;
import static org.patchmap.ingest.extract.Fixtures.outcome;
import static org.patchmap.ingest.extract.Fixtures.send;
import static org.patchmap.ingest.extract.Fixtures.sweeps;
import static org.patchmap.ingest.extract.Fixtures.upload;

/**
 * The reader's budget in the service: with INGEST_READ_MAX_MEMORY at 12 MiB, a real NWB file
 * whose read needs about 90 MB ends as {@code unreadable} with the budget as its reason, is
 * counted on the over-budget meter, and the file after it is extracted as usual.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ReadBudgetTestResource.class, restrictToAnnotatedClass = true)
class ReadBudgetExtractionTest {
    @Inject
    MongoClient mongo;

    @Inject
    MeterRegistry registry;

    @Test
    void aFileOverTheReadersBudgetIsUnreadableAndTheNextIsExtracted() throws Exception {
        AssetEvent large = upload(cell("nwb/19926019.nwb"), "large.nwb");
        AssetEvent next = upload(cell("abf/File_axon_5.abf"), "after-large.abf");
        send(large);
        send(next);

        assertEquals(9, sweeps(next.fileKey()).sweeps().size());
        assertEquals("extracted", outcome(mongo, next).getString("status"));
        Document over = outcome(mongo, large);
        assertEquals("unreadable", over.getString("status"));
        String reason = over.getString("reason");
        assertTrue(reason.startsWith("large.nwb: ") && reason.endsWith("over the reader's memory budget (12.6 MB)"),
                reason);
        assertEquals(1.0, registry.get("patchmap.ingest.reads.over.budget").tag("limit", "memory").counter().count());
        assertEquals(0.0, registry.get("patchmap.ingest.reads.over.budget").tag("limit", "time").counter().count());
    }
}
