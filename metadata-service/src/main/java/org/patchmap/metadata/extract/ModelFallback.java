package org.patchmap.metadata.extract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.metadata.BrainRegion;
import org.patchmap.core.metadata.BrainRegionVocabulary;
import org.patchmap.core.metadata.DandisetMetadata;
import org.patchmap.core.metadata.MetadataExtractor;
import org.patchmap.core.metadata.Species;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.metadata.model.LanguageModelClient;
import org.patchmap.metadata.model.ModelAnswer;
import org.patchmap.metadata.model.ModelOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The language model, when it is on, asked only for what the offline extraction of a dandiset
 * left unknown (species, region), and believed only for listed terms. Its values carry source
 * "model" and a low confidence; they never replace a value from a field or the text, and a
 * cell's own asset fields still win over them.
 */
@ApplicationScoped
public class ModelFallback {
    static final double CONFIDENCE = 0.5;
    /** After a timeout or an HTTP error the model is left alone this long, then asked again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    @Inject
    Optional<LanguageModelClient> client;

    Clock clock = Clock.systemUTC();
    private volatile Instant askAgainAt = Instant.MIN;

    /**
     * The dandiset's metadata with the model's answer, and whether it is settled: a timeout or an unreachable model
     * is a passing failure, so that result must not be kept as the dandiset's answer (the next file asks again).
     */
    public record Filled(DandisetMetadata metadata, boolean settled) {
    }

    public Filled fillUnknowns(DandisetMetadata offline, DandisetVersion text) {
        boolean needSpecies = offline.species().isEmpty();
        boolean needRegion = MetadataExtractor.isUnknown(offline.brainRegion());
        if (client.isEmpty() || !(needSpecies || needRegion)) {
            return new Filled(offline, true);
        }
        if (clock.instant().isBefore(askAgainAt)) {
            return new Filled(offline, false);
        }
        BrainRegionVocabulary vocabulary = BrainRegionVocabulary.standard();
        List<String> regions = vocabulary.all().stream().map(BrainRegion::name).toList();
        List<String> species = Species.all().stream().map(Species::scientificName).toList();
        ModelAnswer answer = client.get().ask(text.name(), text.description(), text.keywords(), regions, species);
        if (answer.outcome() == ModelOutcome.TIMEOUT || answer.outcome() == ModelOutcome.HTTP_ERROR) {
            askAgainAt = clock.instant().plus(RETRY_AFTER);
            return new Filled(offline, false);
        }
        List<SourcedTerm> speciesTerms = offline.species();
        if (needSpecies && answer.species() != null) {
            speciesTerms = Species.lookup(answer.species())
                    .map(s -> List.of(new SourcedTerm(s.scientificName(), s.taxonId(), "model", CONFIDENCE)))
                    .orElse(speciesTerms);
        }
        SourcedTerm region = offline.brainRegion();
        if (needRegion && answer.region() != null) {
            region = vocabulary.byName(answer.region())
                    .map(r -> new SourcedTerm(r.name(), r.id(), "model", CONFIDENCE)).orElse(region);
        }
        return new Filled(new DandisetMetadata(offline.identifier(), speciesTerms, region, offline.ageDays(),
                offline.temperatureC(), offline.vocabularyVersion(), offline.lab()), true);
    }
}
