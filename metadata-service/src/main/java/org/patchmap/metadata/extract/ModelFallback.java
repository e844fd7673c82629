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

    @Inject
    Optional<LanguageModelClient> client;

    public DandisetMetadata fillUnknowns(DandisetMetadata offline, DandisetVersion text) {
        boolean needSpecies = offline.species().isEmpty();
        boolean needRegion = MetadataExtractor.isUnknown(offline.brainRegion());
        if (client.isEmpty() || !(needSpecies || needRegion)) {
            return offline;
        }
        BrainRegionVocabulary vocabulary = BrainRegionVocabulary.standard();
        List<String> regions = vocabulary.all().stream().map(BrainRegion::name).toList();
        List<String> species = Species.all().stream().map(Species::scientificName).toList();
        ModelAnswer answer = client.get().ask(text.name(), text.description(), text.keywords(), regions, species);
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
        return new DandisetMetadata(offline.identifier(), speciesTerms, region, offline.ageDays(),
                offline.temperatureC(), offline.vocabularyVersion(), offline.lab());
    }
}
