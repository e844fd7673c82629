package org.patchmap.metadata.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.store.CellMetadataStore;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Real DANDI metadata (dandiset 000008: its dandiset.yaml and asset listing) through the real
 * broker: each file's species, region, age, sex, genotype with their sources on
 * {@code patchmap.metadata}, in MongoDB and over REST; the dandiset's text read once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class DandiMetadataTest {
    private static final String VERSION = "0.211014.0809";

    @Inject
    CellMetadataStore store;

    @Inject
    MeterRegistry registry;

    static Map<String, Object> dandiset(String id) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(
                SharedData.path("data/dandi/" + id + "/dandiset.yaml").toFile(), new TypeReference<>() {
                });
    }

    @SuppressWarnings("unchecked")
    static AssetEvent asset(String dandisetId, String version, int index, Map<String, Object> dandiset)
            throws IOException {
        List<Map<String, Object>> assets = EventJson.mapper().readValue(
                SharedData.path("data/dandi/" + dandisetId + "/assets.json").toFile(), new TypeReference<>() {
                });
        Map<String, Object> a = assets.get(index);
        return AssetEvent.fromDandi(dandisetId, version, (String) a.get("asset_id"), (String) a.get("path"),
                ((Number) a.get("size")).longValue(), (Map<String, Object>) a.get("metadata"),
                AssetEvent.trimDandiset(dandiset), Instant.parse("2026-11-24T10:00:00Z"));
    }

    private static MetadataEvent published(String fileKey) {
        return EventJson.read(Topics.METADATA, KafkaTestClient.awaitValue(Topics.METADATA, fileKey),
                MetadataEvent.class);
    }

    @Test
    void realAssetsOf000008() throws IOException {
        double extractedBefore = count("extracted");
        double cachedBefore = count("cached");
        Map<String, Object> text = dandiset("000008");
        // Asset 1 (mouse_AAYYT) states no species: the dandiset's summary gives it. Asset 3 states its own.
        AssetEvent noSpecies = asset("000008", VERSION, 1, text);
        AssetEvent withSpecies = asset("000008", VERSION, 3, text);
        KafkaTestClient.send(Topics.ASSETS, noSpecies.fileKey(), EventJson.write(noSpecies));
        KafkaTestClient.send(Topics.ASSETS, withSpecies.fileKey(), EventJson.write(withSpecies));
        KafkaTestClient.send(Topics.ASSETS, noSpecies.fileKey(), EventJson.write(noSpecies));

        MetadataEvent first = published(noSpecies.fileKey());
        assertEquals(new MetadataEvent.SourcedTerm("Mus musculus", "NCBITaxon:10090", "dandiset", 0.9), first.species());
        assertEquals(147 + 82800 / 86400.0, first.ageDays().value(), 1e-9);
        assertEquals("P147DT82800S", first.ageDays().text());
        assertEquals("asset", first.ageDays().source());
        assertEquals("female", first.sex().label());
        assertEquals("wt/wt", first.genotype().label());
        assertNull(first.temperatureC(), "000008 states no recording temperature of its own");
        assertEquals(noSpecies.provenance(), first.provenance());
        // The title says "mouse motor cortex" (nothing finer: MOp is not named in 000008's text).
        assertEquals("motor cortex", first.brainRegion().label());
        assertEquals("MBA:500", first.brainRegion().termId());
        assertEquals("text", first.brainRegion().source());
        assertEquals(0.9, first.brainRegion().confidence(), 1e-9);
        // The contact person, Tolias, Andreas Savas, with no affiliation; the event keeps only that contributor.
        assertEquals(new MetadataEvent.SourcedTerm("Tolias lab", null, "dandiset", 0.6), first.lab());
        assertEquals(List.of(Map.of("schemaKey", "Person", "name", "Tolias, Andreas Savas",
                "roleName", List.of("dcite:Author", "dcite:ContactPerson"), "affiliation", List.of())),
                noSpecies.dandiset().get("contributor"));

        MetadataEvent second = published(withSpecies.fileKey());
        assertEquals(new MetadataEvent.SourcedTerm("Mus musculus", "NCBITaxon:10090", "asset", 1.0), second.species());
        assertEquals(50 + 82800 / 86400.0, second.ageDays().value(), 1e-9);
        assertEquals("male", second.sex().label());
        assertEquals(first.brainRegion(), second.brainRegion());

        // Three records, one dandiset version: its text was extracted once.
        MetadataEvent replayed = Eventually.get("the replay processed", () -> count("cached") - cachedBefore >= 2
                ? store.find(noSpecies.fileKey()) : java.util.Optional.empty());
        assertEquals(1.0, count("extracted") - extractedBefore);
        assertEquals(2.0, count("cached") - cachedBefore);
        assertEquals(first.species(), replayed.species());
        assertEquals(first.brainRegion(), replayed.brainRegion());
        assertEquals(first.ageDays(), replayed.ageDays());
        assertEquals(first.lab(), replayed.lab());

        given().get("/api/metadata/" + noSpecies.fileKey()).then().statusCode(200)
                .body("species.label", equalTo("Mus musculus")).body("species.source", equalTo("dandiset"))
                .body("ageDays.text", equalTo("P147DT82800S"))
                .body("lab.label", equalTo("Tolias lab")).body("lab.source", equalTo("dandiset"));
        // Other tests of this JVM may add files of 000008: ours are there, in file-key order.
        given().get("/api/metadata?dandiset=000008").then().statusCode(200)
                .body("cellId", hasItems(noSpecies.fileKey(), withSpecies.fileKey()))
                .body("provenance.dandisetId", everyItem(equalTo("000008")));
        given().get("/api/dandisets/000008/versions/" + VERSION + "/metadata").then().statusCode(200)
                .body("facts.species[0].label", equalTo("Mus musculus"))
                .body("facts.species[0].source", equalTo("dandiset"))
                .body("facts.lab.label", equalTo("Tolias lab"));
        given().get("/api/metadata?dandiset=").then().statusCode(400);
        given().get("/api/metadata/dandi:000008/nothing.nwb").then().statusCode(404);
    }

    private double count(String result) {
        var c = registry.find("patchmap.metadata.dandiset.versions").tag("result", result).counter();
        return c == null ? 0 : c.count();
    }
}
