package org.patchmap.metadata.extract;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.metadata.CellMetadata;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.core.metadata.Lab;
import org.patchmap.core.metadata.MetadataExtractor;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.EventJson;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.SweepFamilyEvent.FileSubject;
import org.patchmap.metadata.domain.DandisetVersionMetadata;
import org.patchmap.metadata.store.DandisetMetadataStore;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * One file's {@link MetadataEvent}: its asset's and its file's own fields over what its dandiset
 * version says.
 * The dandiset's part (summary species, text region, temperature, and the model's answer when
 * the model is on) is extracted once per dandiset version and vocabulary version and then read
 * from MongoDB, so the thousand assets of one dandiset cost one extraction and at most one call.
 */
@ApplicationScoped
public class FileMetadataExtraction {
    private static final Logger LOG = Logger.getLogger(FileMetadataExtraction.class);
    private final MetadataExtractor extractor = MetadataExtractor.standard();

    @Inject
    DandisetMetadataStore cache;

    @Inject
    ModelFallback model;

    @Inject
    MetadataMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** @param file the subject the recording file states, or null when not known (yet) */
    public MetadataEvent extract(AssetEvent asset, FileSubject file) {
        DandisetMetadata dandiset = dandiset(asset);
        JsonNode assetMetadata = EventJson.mapper().valueToTree(asset.assetMetadata());
        CellMetadata cell = extractor.extract(assetMetadata, subjectInfo(file), dandiset);
        Map<String, String> sources = cell.sources();
        for (CountedField field : CountedField.values()) {
            metrics.value(field, sources.get(field.wire()));
        }
        SimulatedReading simulated = SimulatedOriginReader.read(assetMetadata);
        if (simulated.isRejected()) {
            rejected(asset.fileKey(), simulated);
        }
        return new MetadataEvent(MetadataEvent.SCHEMA_VERSION, asset.fileKey(), asset.provenance(), cell.species(),
                cell.brainRegion(), cell.ageDays(), cell.sex(), cell.genotype(), cell.temperatureC(),
                cell.vocabularyVersion(), clock.instant(), simulated.origin(), cell.lab());
    }

    /**
     * The file keeps its other metadata; its simulated truth is dropped, counted and logged with the cell, the
     * field and the reason as MDC entries (JSON logs carry them as fields).
     */
    private void rejected(String fileKey, SimulatedReading simulated) {
        metrics.simulatedRejected(simulated.field(), simulated.rejection());
        MDC.put("cellId", fileKey);
        MDC.put("field", simulated.field().wire());
        MDC.put("reason", simulated.rejection().wire());
        try {
            LOG.warn("simulated metadata of " + fileKey + " not kept: " + simulated.reason());
        } finally {
            MDC.remove("cellId");
            MDC.remove("field");
            MDC.remove("reason");
        }
    }

    private static SubjectInfo subjectInfo(FileSubject f) {
        return f == null ? null : new SubjectInfo(f.species(), f.age(), f.sex(), f.genotype(), null, null,
                f.temperature(), null, null, f.lab(), f.institution());
    }

    public String vocabularyVersion() {
        return extractor.vocabularyVersion();
    }

    private DandisetMetadata dandiset(AssetEvent asset) {
        String id = asset.provenance().dandisetId();
        String version = asset.provenance().version();
        if (asset.dandiset().isEmpty() || id == null || version == null) {
            return extractor.dandiset(null); // an upload, or an event without the optional 'dandiset'
        }
        DandisetVersion text = DandisetVersion.fromJson(EventJson.mapper().valueToTree(asset.dandiset()));
        Optional<DandisetMetadata> cached = cache.find(id, version, vocabularyVersion());
        if (cached.isPresent()) {
            metrics.dandisetVersion(DandisetVersionResult.CACHED);
            // An entry extracted without the lab: the event's contributors name it (cheap, no new extraction).
            DandisetMetadata facts = cached.get();
            return facts.lab() != null ? facts : facts.withLab(Lab.ofDandiset(text.people()).orElse(null));
        }
        ModelFallback.Filled filled = model.fillUnknowns(extractor.dandiset(text), text);
        DandisetMetadata extracted = filled.metadata();
        if (filled.settled()) {
            cache.save(new DandisetVersionMetadata(id, version, vocabularyVersion(), extracted, clock.instant()));
        } else {
            LOG.infof("dandiset %s %s: the language model did not answer; not cached, a later file asks again", id,
                    version);
        }
        metrics.dandisetVersion(DandisetVersionResult.EXTRACTED);
        LOG.infof("dandiset %s %s: species %s, region %s (%s)", id, version,
                extracted.species().isEmpty() ? "unknown" : extracted.species().get(0).label(),
                extracted.brainRegion().label(), extracted.brainRegion().source());
        return extracted;
    }
}
