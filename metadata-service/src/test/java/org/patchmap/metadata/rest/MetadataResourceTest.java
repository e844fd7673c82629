package org.patchmap.metadata.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.events.Provenance;
import org.patchmap.metadata.domain.DandisetVersionMetadata;
import org.patchmap.metadata.store.CellMetadataStore;
import org.patchmap.metadata.store.DandisetMetadataStore;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metadata bodies byte for byte: a file's metadata lists every field of its event (null when unknown);
 * a dandiset version's omits absent values, as it is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class MetadataResourceTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    CellMetadataStore files;

    @Inject
    DandisetMetadataStore dandisets;

    @Test
    void fileMetadataListsEveryFieldNullWhenUnknown() {
        String fileKey = "upload:7d7d7d7d7d7d7d7d/rest.nwb";
        files.save(new MetadataEvent(1, fileKey, Provenance.upload("rest.nwb"), null,
                new SourcedTerm("unknown", null, "text", 0.0), null, null, null, null, "vocabulary-a", AT));

        assertEquals("{\"schemaVersion\":1,\"cellId\":\"" + fileKey + "\",\"provenance\":{\"source\":\"upload\","
                        + "\"dandisetId\":null,\"version\":null,\"assetId\":null,\"path\":\"rest.nwb\","
                        + "\"dandisetUrl\":null},\"species\":null,\"brainRegion\":{\"label\":\"unknown\","
                        + "\"termId\":null,\"source\":\"text\",\"confidence\":0.0},\"ageDays\":null,\"sex\":null,"
                        + "\"genotype\":null,\"temperatureC\":null,\"vocabularyVersion\":\"vocabulary-a\","
                        + "\"extractedAt\":\"2026-11-24T10:00:00Z\",\"lab\":null}",
                given().get("/api/metadata/" + fileKey).then().statusCode(200).extract().asString());
    }

    @Test
    void dandisetVersionMetadataOmitsAbsentValues() {
        DandisetMetadata facts = new DandisetMetadata("000993",
                List.of(new SourcedTerm("Mus musculus", "NCBITaxon:10090", "dandiset", 0.9)),
                new SourcedTerm("unknown", null, "text", 0.0), null, null, "vocabulary-a");
        dandisets.save(new DandisetVersionMetadata("000993", "0.1", "vocabulary-a", facts, AT));

        assertEquals("{\"dandisetId\":\"000993\",\"version\":\"0.1\",\"vocabularyVersion\":\"vocabulary-a\","
                        + "\"facts\":{\"identifier\":\"000993\",\"species\":[{\"label\":\"Mus musculus\","
                        + "\"termId\":\"NCBITaxon:10090\",\"source\":\"dandiset\",\"confidence\":0.9}],"
                        + "\"brainRegion\":{\"label\":\"unknown\",\"source\":\"text\",\"confidence\":0.0},"
                        + "\"vocabularyVersion\":\"vocabulary-a\"},\"extractedAt\":\"2026-11-24T10:00:00Z\"}",
                given().get("/api/dandisets/000993/versions/0.1/metadata").then().statusCode(200).extract()
                        .asString());
        given().get("/api/dandisets/000993/versions/0.2/metadata").then().statusCode(404);
    }

    @Test
    void openApiDocumentsTheBodies() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("FileMetadataView:"))
                .body(containsString("AssetMetadataView:"))
                .body(containsString("DandisetMetadataView:"));
    }
}
