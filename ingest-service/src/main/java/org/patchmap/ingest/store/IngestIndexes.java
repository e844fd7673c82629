package org.patchmap.ingest.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An index for every query ingest's stores make on a field other than {@code _id}, created at
 * startup, so that no per-asset lookup scans its collection as the atlas grows: the ledger by file
 * and by digest (and its DANDI share), DANDI assets by asset, by digest and by version, uploads by
 * file and digest and by reception (the expiry's sweep), and the traces' GridFS files by cell, kind and digest. (GridFS makes its own
 * files_id index on the chunks.)
 */
@ApplicationScoped
public class IngestIndexes {
    @Inject
    MongoDatabase database;

    @ConfigProperty(name = "patchmap.traces.bucket", defaultValue = "traces")
    String tracesBucket;

    void create(@Observes StartupEvent started) {
        var ledger = database.getCollection(AssetLedger.COLLECTION);
        ledger.createIndex(Indexes.ascending("fileKey"));
        ledger.createIndex(Indexes.ascending("digest"));
        ledger.createIndex(Indexes.ascending("provenance.source"));
        var dandi = database.getCollection(DandiAssetStore.COLLECTION);
        dandi.createIndex(Indexes.ascending("dandiset", "assetId"));
        dandi.createIndex(Indexes.ascending("digest", "status"));
        dandi.createIndex(Indexes.ascending("dandiset", "version", "status"));
        dandi.createIndex(Indexes.ascending("status"));
        database.getCollection(UploadStore.COLLECTION).createIndex(Indexes.ascending("fileKey", "digest"));
        database.getCollection(UploadStore.COLLECTION).createIndex(Indexes.ascending("receivedAt"));
        database.getCollection(tracesBucket + ".files")
                .createIndex(Indexes.ascending("filename", "metadata.kind", "metadata.sha256"));
    }
}
