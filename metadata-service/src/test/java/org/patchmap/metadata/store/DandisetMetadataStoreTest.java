package org.patchmap.metadata.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.metadata.domain.DandisetVersionMetadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code dandiset_metadata}: its document layout; an entry counts only for its vocabulary, and only if readable. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
class DandisetMetadataStoreTest {
    @Inject
    DandisetMetadataStore store;

    @Inject
    MongoDatabase database;

    @Test
    void entryCountsForItsVocabularyVersion() {
        DandisetMetadata facts = new DandisetMetadata("000991",
                List.of(new SourcedTerm("Mus musculus", "NCBITaxon:10090", "dandiset", 0.9)),
                new SourcedTerm("unknown", null, "text", 0.0), null, null, "vocabulary-a");
        DandisetVersionMetadata entry = new DandisetVersionMetadata("000991", "0.1", "vocabulary-a", facts,
                Instant.parse("2026-11-24T10:00:00Z"));
        store.save(entry);

        Document doc = database.getCollection(DandisetMetadataStore.COLLECTION)
                .find(Filters.eq("_id", "000991@0.1")).first();
        assertEquals(List.of("_id", "dandisetId", "version", "vocabularyVersion", "facts", "extractedAt"),
                List.copyOf(doc.keySet()));
        assertEquals("2026-11-24T10:00:00Z", doc.getString("extractedAt"));
        assertEquals(Optional.of(facts), store.find("000991", "0.1", "vocabulary-a"));
        assertEquals(Optional.empty(), store.find("000991", "0.1", "vocabulary-b"));
        assertEquals(Optional.of(entry), store.find("000991", "0.1"));
    }

    @Test
    void unreadableEntryIsExtractedAgain() {
        database.getCollection(DandisetMetadataStore.COLLECTION).insertOne(new Document("_id", "000992@0.1")
                .append("dandisetId", "000992").append("version", "0.1").append("vocabularyVersion", "vocabulary-a")
                .append("facts", new Document("species", "not a list")).append("extractedAt", "2026-11-24T10:00:00Z"));

        assertEquals(Optional.empty(), store.find("000992", "0.1", "vocabulary-a"));
    }
}
