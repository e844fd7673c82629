package org.patchmap.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.SweepFamilyEvents;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.ReferenceAgreement;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.sweep.DisplayCodec;
import org.patchmap.core.sweep.DisplayTrace;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.DeadLetterEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchmap.ingest.extract.Fixtures.cell;
import static org.patchmap.ingest.extract.Fixtures.load;
import static org.patchmap.ingest.extract.Fixtures.outcome;
import static org.patchmap.ingest.extract.Fixtures.send;
import static org.patchmap.ingest.extract.Fixtures.sweeps;
import static org.patchmap.ingest.extract.Fixtures.upload;

/**
 * Extraction through the real broker and the MongoDB-wire server: a real ABF file's asset event
 * becomes its family on patchmap.sweeps, with traces in GridFS equal to the reader's sweeps and
 * the features of the ipfx reference; files that cannot give a family are outcomes with their
 * exact reasons, never families nor dead letters, and the next asset is still extracted.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExtractionTestResource.class, restrictToAnnotatedClass = true)
class ExtractionTest {
    @Inject
    MongoClient mongo;

    @Inject
    MeterRegistry registry;

    @TempDir
    Path tmp;

    @Test
    void anUploadedAbfBecomesItsFamilyWithTheReferenceFeatures() throws Exception {
        Path original = cell("abf/File_axon_5.abf");
        AssetEvent asset = upload(original, "axon-a.abf");
        send(asset);

        SweepFamilyEvent event = sweeps(asset.fileKey());
        assertEquals(asset.fileKey(), event.cellId());
        assertEquals(asset.provenance(), event.provenance());
        assertEquals(asset.digest() + "#1", event.inputDigest());
        assertEquals(20000.0, event.samplingRateHz());
        assertEquals(0.2156, event.window().startS(), 1e-4);
        assertEquals(0.7156, event.window().endS(), 1e-4);
        assertEquals(List.of(-100.0, -50.0, 0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0),
                event.sweeps().stream().map(SweepFamilyEvent.SweepSummary::amplitudePa).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8),
                event.sweeps().stream().map(SweepFamilyEvent.SweepSummary::sweepNumber).toList());

        // the stored traces are the reader's sweeps, in float32
        assertEquals(TraceCodec.COMPACT_ENCODING, event.traces().encoding());
        List<Sweep> stored = TraceCodec.decode(event.traces().encoding(), load(mongo, event.traces()));
        SweepFamily direct = SweepFamilyEvents.inAmplitudeOrder(CellAnalysis.family(original));
        assertEquals(9, stored.size());
        for (int k = 0; k < 9; k++) {
            Sweep want = direct.sweeps().get(k).sweep();
            assertEquals(want.sweepNumber(), stored.get(k).sweepNumber());
            assertEquals(want.samplingRateHz(), stored.get(k).samplingRateHz());
            assertArrayEquals(float32(want.voltageMv()), stored.get(k).voltageMv(), "voltage " + k);
            assertArrayEquals(float32(want.currentPa()), stored.get(k).currentPa(), "current " + k);
        }

        // the display: about 2,000 points per sweep, plus the first AP of the 3 sweeps that fire
        assertEquals(DisplayCodec.ENCODING, event.display().encoding());
        List<DisplayTrace> display = DisplayCodec.decode(load(mongo, event.display()));
        assertEquals(9, display.size());
        int withAp = 0;
        for (DisplayTrace d : display) {
            assertEquals(10_000 * 2, d.samples());
            if (d.fullFrom() >= 0) {
                withAp++;
                assertEquals(240, d.fullTo() - d.fullFrom());
            }
            assertTrue(d.voltageMv().size() <= 2000 + (d.fullTo() - d.fullFrom()) + 6, d.voltageMv().size() + " points");
            assertTrue(d.currentPa().size() <= 2000);
        }
        assertEquals(3, withAp);

        // the same call feature-service makes, on what it would load, gives the ipfx reference
        List<FamilySweep> members = new ArrayList<>();
        for (int k = 0; k < stored.size(); k++) {
            members.add(new FamilySweep(stored.get(k), event.sweeps().get(k).amplitudePa()));
        }
        CellFeatures features = CellAnalysis.features(members, event.window().startS(), event.window().endS());
        assertEquals(List.of(), disagreementsWithTheReference("File_axon_5.abf", features));
        assertEquals(121.0, features.values().get("input_resistance"), 1.0);
        assertEquals(200.0, features.values().get("rheobase_i"), 0.5);

        Document entry = outcome(mongo, asset);
        assertEquals("extracted", entry.getString("status"));
        assertEquals(asset.fileKey(), entry.getString("cellId"));
        assertEquals(9, entry.getInteger("sweeps"));
        assertEquals(event.traces().fileId(), entry.get("traces", Document.class).getString("fileId"));
        assertNull(entry.getString("reason"));
        // the upload is deleted right after its outcome is recorded
        Eventually.until("the extracted upload deleted", () -> !Files.exists(Path.of(asset.localPath())));
    }

    @Test
    void anExtractedUploadDeliveredAgainKeepsItsResult() throws Exception {
        AssetEvent asset = upload(cell("abf/File_axon_5.abf"), "axon-again.abf");
        send(asset);
        sweeps(asset.fileKey());
        Eventually.until("the extracted upload deleted", () -> !Files.exists(Path.of(asset.localPath())));
        KafkaTestClient.Position letters = KafkaTestClient.end("patchmap.assets.dlq");
        double done = processed();

        // the process ended before the offset was committed: the same record comes again, its file gone
        send(asset);
        Eventually.until("the record processed again by the ledger and the extraction", () -> processed() >= done + 2);
        Document entry = outcome(mongo, asset);
        assertEquals("extracted", entry.getString("status"));
        assertEquals(asset.fileKey(), entry.getString("cellId"));
        assertNull(entry.getString("reason"));
        assertEquals(List.of(), KafkaTestClient.upToEnd(letters, r -> asset.fileKey().equals(r.key())));
    }

    private double processed() {
        return registry.get("patchmap.records").tag("topic", "patchmap.assets").tag("outcome", "ok").counter().count();
    }

    @Test
    void filesWithoutAFamilyAreOutcomesAndTheNextAssetIsStillExtracted() throws Exception {
        AssetEvent gzip = upload(cell("nwb/_2017_09_01_192934-compressed.nwb"), "_2017_09_01_192934-compressed.nwb");
        AssetEvent cut = upload(Fixtures.truncated(cell("abf/File_axon_5.abf"), 100_000, tmp), "cut.abf");
        AssetEvent ramps = upload(Fixtures.rampsOnly(tmp.resolve("ramps.nwb")), "ramps.nwb");
        AssetEvent voltageClamp = upload(cell("nwb/2025053101.nwb"), "2025053101.nwb");
        AssetEvent huge = withSize(upload(cell("abf/PYR5_rebound.abf"), "huge.abf"), 20_000_000);
        AssetEvent next = upload(cell("abf/PYR2.abf"), "pyr2-c.abf");
        // One partition, consumed in order and one record at a time: once `next` (sent last) is extracted,
        // the five before it are done with, dead letters included.
        for (AssetEvent a : List.of(gzip, cut, ramps, voltageClamp, huge, next)) {
            send(a, 0);
        }

        assertEquals(13, sweeps(next.fileKey()).sweeps().size());
        assertOutcome(gzip, "unreadable", "_2017_09_01_192934-compressed.nwb: gzip-compressed file (the whole file "
                + "is gzip-wrapped, not HDF5): decompress it first (gunzip)");
        assertOutcome(cut, "unreadable", "cut.abf: DataSection (2 bytes x 180000 entries) is larger than the file "
                + "(100000 bytes): truncated or corrupt");
        assertOutcome(ramps, "no_family", "ramps.nwb: no long-square epoch: no plateau of at least 0.25 s whose "
                + "level differs between sweeps (2 sweeps, all ramp)");
        assertOutcome(voltageClamp, "unreadable",
                "2025053101.nwb: no current-clamp sweeps: 16 VoltageClampSeries (voltage clamp)");
        assertOutcome(huge, "too_large", "huge.abf: 20000000 bytes > limit 15000000 bytes (INGEST_MAX_FILE_BYTES)");
        assertEquals("extracted", outcome(mongo, next).getString("status"));
        given().queryParam("fileKey", voltageClamp.fileKey()).queryParam("digest", voltageClamp.digest())
                .get("/api/assets").then().statusCode(200).body("status", equalTo("unreadable"))
                .body("reason", equalTo("2025053101.nwb: no current-clamp sweeps: 16 VoltageClampSeries (voltage clamp)"));
        given().queryParam("fileKey", next.fileKey()).queryParam("digest", next.digest())
                .get("/api/assets").then().statusCode(200).body("cellId", equalTo(next.fileKey()));

        Set<String> failed = Set.of(gzip.fileKey(), cut.fileKey(), ramps.fileKey(), voltageClamp.fileKey(),
                huge.fileKey());
        // whatever they published is on the topics by now (each send waits for the broker)
        assertEquals(List.of(), KafkaTestClient.upToEnd(Topics.SWEEPS, r -> failed.contains(r.key())));
        assertEquals(List.of(), KafkaTestClient.upToEnd("patchmap.assets.dlq", r -> failed.contains(r.key())));
        // meters read from the registry, not by scraping /q/metrics: a scrape evaluates gauges
        // that earlier Quarkus test apps of this JVM registered, and would leave them bound to this one
        for (String o : List.of("unreadable", "no_family", "too_large", "extracted")) {
            assertTrue(registry.get("patchmap.ingest.assets").tags("outcome", o, "source", "upload").counter().count() >= 1, o);
        }
        assertTrue(registry.get("patchmap.ingest.extraction").tag("outcome", "extracted").timer().count() >= 1);
        assertTrue(registry.get("patchmap.ingest.traces.bytes").tag("kind", "display").counter().count() > 0);
    }

    @Test
    void anUploadOutsideTheUploadsDirectoryFailsToTheDeadLetters() throws Exception {
        AssetEvent inPlace = upload(cell("abf/File_axon_5.abf"), "elsewhere.abf");
        String elsewhere = cell("abf/File_axon_5.abf").toString();
        AssetEvent asset = new AssetEvent(1, AssetEvent.SOURCE_UPLOAD, inPlace.fileKey(), inPlace.provenance(),
                inPlace.sizeBytes(), inPlace.digest(), null, elsewhere, inPlace.assetMetadata(), inPlace.publishedAt());
        send(asset);

        String reason = "elsewhere.abf: localPath " + elsewhere + " is outside the uploads directory "
                + ExtractionTestResource.uploadsDir + " (INGEST_UPLOADS_DIR)";
        assertOutcome(asset, "failed", reason);
        List<ConsumerRecord<String, String>> letters = KafkaTestClient.await("patchmap.assets.dlq",
                r -> asset.fileKey().equals(r.key()), 1);
        DeadLetterEvent letter = EventJson.read("patchmap.assets.dlq", letters.get(0).value(), DeadLetterEvent.class);
        assertEquals("ingest-service", letter.service());
        assertEquals(ExtractionFailedException.class.getName(), letter.exceptionClass());
        assertEquals(reason, letter.reason());
        assertTrue(Files.exists(Path.of(elsewhere)), "a file outside the uploads directory is never deleted");

        // even when its outcome needs no reading of the file (too large)
        String otherCopy = tmp.resolve("outside.abf").toString();
        Files.copy(cell("abf/File_axon_5.abf"), Path.of(otherCopy));
        AssetEvent huge = new AssetEvent(1, AssetEvent.SOURCE_UPLOAD, "upload:0000000000000000/outside.abf",
                inPlace.provenance(), 20_000_000, inPlace.digest(), null, otherCopy, inPlace.assetMetadata(),
                inPlace.publishedAt());
        send(huge);
        assertEquals("too_large", outcome(mongo, huge).getString("status"));
        assertTrue(Files.exists(Path.of(otherCopy)));
    }

    private void assertOutcome(AssetEvent asset, String status, String reason) {
        Document entry = outcome(mongo, asset);
        assertEquals(status, entry.getString("status"), asset.fileKey());
        assertEquals(reason, entry.getString("reason"));
        assertNull(entry.getString("cellId"));
    }

    private static AssetEvent withSize(AssetEvent a, long size) {
        return new AssetEvent(1, a.source(), a.fileKey(), a.provenance(), size, a.digest(), a.downloadUrl(),
                a.localPath(), a.assetMetadata(), a.publishedAt());
    }

    private static double[] float32(double[] x) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = (float) x[k];
        }
        return out;
    }

    /** Every feature of the ipfx reference for {@code file} that {@code features} does not match (spec 7). */
    static List<String> disagreementsWithTheReference(String file, CellFeatures features) throws Exception {
        JsonNode reference = null;
        for (JsonNode c : new ObjectMapper().readTree(SharedData.path("golden/ipfx-reference.json").toFile())
                .get("cells")) {
            if (c.get("file").asText().equals(file)) {
                reference = c.get("features");
            }
        }
        List<String> out = new ArrayList<>();
        for (var it = reference.fields(); it.hasNext(); ) {
            var e = it.next();
            Double ref = e.getValue().isNull() ? null : e.getValue().asDouble();
            Double got = features.values().get(e.getKey());
            if (!ReferenceAgreement.agrees(e.getKey(), got, ref)) {
                out.add(e.getKey() + ": " + got + " vs " + ref);
            }
        }
        return out;
    }
}
