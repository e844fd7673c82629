package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.patchmap.events.CellIds;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.extract.FileMetadataUpdate;
import org.patchmap.metadata.store.AssetMetadataStore;
import org.patchmap.metadata.store.FileSubjectStore;
import org.patchmap.messaging.EventInbox;

/**
 * Consumer of {@code patchmap.sweeps} for one thing only: the subject the recording file states
 * about itself (species, age, sex, genotype, temperature), which ingest reads with the traces.
 * It ranks after the asset's DANDI fields and before the dandiset's summary and text; for an
 * uploaded file it is the only structured source. When the file's asset event is already here,
 * the file's metadata is made again and republished.
 */
@ApplicationScoped
public class FileSubjectListener {
    static final String SWEEPS_IN = "sweeps";
    private static final Logger LOG = Logger.getLogger(FileSubjectListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    FileSubjectStore subjects;

    @Inject
    AssetMetadataStore assets;

    @Inject
    FileMetadataUpdate update;

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweeps(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.SWEEPS, SweepFamilyEvent.class, family -> {
            if (family.subject() == null) {
                return; // the file states no subject: nothing to add
            }
            String fileKey = CellIds.fileKey(family.cellId());
            subjects.save(fileKey, family.subject());
            assets.findEvent(fileKey).ifPresentOrElse(update::update,
                    () -> LOG.debugf("subject of %s kept; its asset event has not arrived yet", fileKey));
        });
    }
}
