package org.patchmap.metadata.extract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.metadata.messaging.MetadataPublisher;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.CellMetadataStore;
import org.patchmap.metadata.store.FileSubjectStore;

/**
 * A file's metadata made again from everything known of it (its asset event, and its file's own
 * subject once ingest has read the file), stored and published. Both inputs may arrive in either
 * order; each arrival republishes the whole, so the last event on the topic is complete.
 */
@ApplicationScoped
public class FileMetadataUpdate {
    private static final Logger LOG = Logger.getLogger(FileMetadataUpdate.class);

    @Inject
    FileMetadataExtraction extraction;

    @Inject
    FileSubjectStore subjects;

    @Inject
    AssetMetadataStore assets;

    @Inject
    CellMetadataStore metadata;

    @Inject
    MetadataPublisher publisher;

    /** A file's asset event arrived: kept as received, then the file's metadata made and published. */
    public MetadataEvent assetArrived(AssetEvent asset) {
        assets.save(asset);
        return update(asset);
    }

    /**
     * A file's sweeps arrived with the subject the file states about itself: kept, and the file's
     * metadata made again if its asset event is already here (else the asset's arrival will use it).
     */
    public void subjectArrived(SweepFamilyEvent family) {
        if (family.subject() == null) {
            return; // the file states no subject: nothing to add
        }
        String fileKey = CellIds.fileKey(family.cellId());
        subjects.save(fileKey, family.subject());
        assets.findEvent(fileKey).ifPresentOrElse(this::update,
                () -> LOG.debugf("subject of %s kept; its asset event has not arrived yet", fileKey));
    }

    public MetadataEvent update(AssetEvent asset) {
        MetadataEvent extracted = extraction.extract(asset, subjects.find(asset.fileKey()).orElse(null));
        metadata.save(extracted);
        publisher.publish(extracted);
        LOG.infof("metadata of %s: species %s (%s), region %s (%s)%s", asset.fileKey(), label(extracted.species()),
                extracted.species() == null ? "-" : extracted.species().source(), label(extracted.brainRegion()),
                extracted.brainRegion() == null ? "-" : extracted.brainRegion().source(),
                extracted.simulated() == null ? "" : ", simulated " + extracted.simulated().type());
        return extracted;
    }

    private static String label(MetadataEvent.SourcedTerm t) {
        return t == null ? "unknown" : t.label();
    }
}
