package org.patchmap.metadata.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.metadata.extract.FileMetadataUpdate;
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

    @Inject
    EventInbox inbox;

    @Inject
    FileMetadataUpdate update;

    @Incoming(SWEEPS_IN)
    @Blocking
    public void onSweeps(ConsumerRecord<String, String> record) {
        inbox.process(record, Topics.SWEEPS, SweepFamilyEvent.class, update::subjectArrived);
    }
}
