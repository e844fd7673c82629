package org.patchmap.metadata.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.analysis.SweepFamilyEvents;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.store.FileSubjectStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Uploaded real NWB files: their asset events carry no metadata, so the subject each file states
 * about itself (read by ingest, carried on patchmap.sweeps) is the only structured source. It is
 * used whichever of the two events arrives first.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class FileSubjectTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @Inject
    FileSubjectStore subjects;

    private static AssetEvent upload(String name, String sha) {
        return new AssetEvent(AssetEvent.SCHEMA_VERSION, AssetEvent.SOURCE_UPLOAD, CellIds.uploadFile(sha, name),
                Provenance.upload(name), 1000, "sha2-256:" + sha, null, "/data/uploads/" + name, Map.of(), AT);
    }

    /** The family event ingest publishes for the file, with the subject read from the real file. */
    private static SweepFamilyEvent family(AssetEvent asset, String name) throws Exception {
        Path file = SharedData.path("data/cells/nwb/" + name);
        Recording recording = RecordingReader.read(file);
        SweepFamilyEvent.TraceRef traces = new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                "patchmap-traces-v2+deflate", 1, "00", CellAnalysis.family(recording).sweeps().size());
        return SweepFamilyEvents.of(SweepFamilyEvents.inAmplitudeOrder(CellAnalysis.family(recording)),
                CellIds.cell(asset.fileKey(), 1), asset.provenance(), asset.digest() + "#1", traces, null,
                recording.subject(), AT);
    }

    private static List<MetadataEvent> published(String fileKey, int count) {
        return KafkaTestClient.await(Topics.METADATA, r -> fileKey.equals(r.key()), count).stream()
                .map(ConsumerRecord::value).map(v -> EventJson.read(Topics.METADATA, v, MetadataEvent.class))
                .toList();
    }

    @Test
    void subjectBeforeAsset() throws Exception {
        AssetEvent asset = upload("LantyerEtAl2018_180817_ME_9_CC.nwb", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        SweepFamilyEvent family = family(asset, "LantyerEtAl2018_180817_ME_9_CC.nwb");
        KafkaTestClient.send(Topics.SWEEPS, family.cellId(), EventJson.write(family));
        // two topics, two consumers, no order between them: the asset goes once the subject is kept
        Eventually.get("the file's subject kept", () -> subjects.find(asset.fileKey()));
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));

        List<MetadataEvent> events = published(asset.fileKey(), 1);
        assertEquals(1, events.size());
        MetadataEvent m = events.get(0);
        assertEquals(new MetadataEvent.SourcedTerm("Mus musculus", "NCBITaxon:10090", "nwb", 1.0), m.species());
        assertEquals(new MetadataEvent.SourcedQuantity(105, "P105D", "nwb", 1.0), m.ageDays());
        assertEquals("female", m.sex().label());
        assertEquals("unknown", m.brainRegion().label());
        // The file states its institution, no lab.
        assertEquals(new MetadataEvent.SourcedTerm("Donders Institute for Brain, Cognition and Behaviour, Radboud "
                + "University", null, "nwb", 0.8), m.lab());
    }

    @Test
    void labAndInstitutionOfTheFile() throws Exception {
        AssetEvent asset = upload("FergusonEtAl2015_PYR2.nwb", "5e4d3c2b1a0f9e8d7c6b5a4938271605");
        SweepFamilyEvent family = family(asset, "FergusonEtAl2015_PYR2.nwb");
        assertEquals(new SweepFamilyEvent.FileSubject("transgenic mouse", "P20D-P90D", "Unspecified", "PV-tdTomato",
                null, "Skinner Lab", "University of Toronto"), family.subject());
        KafkaTestClient.send(Topics.SWEEPS, family.cellId(), EventJson.write(family));
        Eventually.get("the file's subject kept", () -> subjects.find(asset.fileKey()));
        assertEquals(family.subject(), subjects.find(asset.fileKey()).orElseThrow());
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));

        MetadataEvent m = published(asset.fileKey(), 1).get(0);
        assertEquals(new MetadataEvent.SourcedTerm("Skinner Lab, University of Toronto", null, "nwb", 1.0), m.lab());
        given().get("/api/metadata/" + asset.fileKey()).then().statusCode(200)
                .body("lab.label", equalTo("Skinner Lab, University of Toronto")).body("lab.source", equalTo("nwb"));
    }

    @Test
    void assetBeforeSubject() throws Exception {
        AssetEvent asset = upload("99111002.nwb", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));
        MetadataEvent before = published(asset.fileKey(), 1).get(0);
        assertNull(before.species(), "an upload's asset event states nothing");
        assertNull(before.lab());

        SweepFamilyEvent family = family(asset, "99111002.nwb");
        KafkaTestClient.send(Topics.SWEEPS, family.cellId(), EventJson.write(family));

        List<MetadataEvent> events = published(asset.fileKey(), 2);
        assertEquals(2, events.size());
        MetadataEvent after = events.get(1);
        assertEquals(new MetadataEvent.SourcedTerm("Rattus norvegicus", "NCBITaxon:10116", "nwb", 1.0),
                after.species());
        assertEquals(new MetadataEvent.SourcedTerm("Sprague Dawley", null, "nwb", 1.0), after.genotype());
        assertEquals("male", after.sex().label());
        assertEquals(new MetadataEvent.SourcedTerm("University College London", null, "nwb", 0.8), after.lab());
    }
}
