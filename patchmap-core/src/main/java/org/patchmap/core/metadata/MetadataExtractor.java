package org.patchmap.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One cell's species, brain region, age, sex, genotype and recording temperature, each from the
 * most trusted place that states it: the asset's subject ({@code wasAttributedTo}), else the
 * NWB file's subject, else the dandiset's {@code assetsSummary}, else the dandiset's text (title,
 * description, keywords). A structured field always wins over text, so a description cannot
 * change a stated species, whatever it says. The lab: the file's, else the one the dandiset's
 * contributors name ({@link Lab}).
 *
 * <p>Confidence: asset and NWB fields 1.0 (0.9 when read loosely: a common name, "P60" or "60
 * days"); the summary's species 0.9 when it names one, 0.6 each when it names several (the one
 * the text mentions first is picked); text 0.5–0.8; a phrase temperature 0.5.
 */
public final class MetadataExtractor {
    static final String UNKNOWN = "unknown";
    static final double LOOSE = 0.9;
    static final double SUMMARY_ONE = 0.9;
    static final double SUMMARY_SEVERAL = 0.6;
    static final double TEXT_SCIENTIFIC_NAME = 0.8;
    static final double TEXT_ONE_SPECIES = 0.7;
    static final double TEXT_SEVERAL_SPECIES = 0.5;
    static final double TEXT_AGE = 0.6;
    private static final Pattern STRICT_ISO = Pattern.compile("P[^/]*[YMWDHS](/P[^/]*[YMWDHS])?");

    private final RegionMatcher regions;
    private final String vocabularyVersion;

    public MetadataExtractor(RegionMatcher regions, String vocabularyVersion) {
        this.regions = regions;
        this.vocabularyVersion = vocabularyVersion;
    }

    /** With the shipped region vocabulary. */
    public static MetadataExtractor standard() {
        BrainRegionVocabulary vocabulary = BrainRegionVocabulary.standard();
        return new MetadataExtractor(new RegionMatcher(vocabulary), vocabulary.version());
    }

    public String vocabularyVersion() {
        return vocabularyVersion;
    }

    /** What the dandiset says for all its cells; {@code null} gives an all-unknown result. */
    public DandisetMetadata dandiset(DandisetVersion v) {
        if (v == null) {
            return new DandisetMetadata(null, List.of(), unknownRegion(), null, null, vocabularyVersion, null);
        }
        String text = text(v);
        SourcedQuantity age = AgeText.find(text)
                .map(a -> new SourcedQuantity(a.days(), a.text(), "text", TEXT_AGE)).orElse(null);
        SourcedQuantity temperature = TemperatureText.find(text).map(t -> quantity(t, "text")).orElse(null);
        return new DandisetMetadata(v.identifier(), dandisetSpecies(v, text), region(v), age, temperature,
                vocabularyVersion, Lab.ofDandiset(v.people()).orElse(null));
    }

    /** One cell from its asset metadata (nullable), its file's subject (nullable) and its dandiset (nullable). */
    public CellMetadata extract(JsonNode assetMetadata, SubjectInfo nwb, DandisetVersion dandiset) {
        return extract(assetMetadata, nwb, dandiset(dandiset));
    }

    /** As above with the dandiset's part computed once ({@link #dandiset}). */
    public CellMetadata extract(JsonNode assetMetadata, SubjectInfo nwb, DandisetMetadata dandiset) {
        JsonNode subject = subject(assetMetadata);
        SubjectInfo file = nwb == null ? SubjectInfo.NONE : nwb;
        SourcedTerm species = first(
                () -> assetSpecies(subject),
                () -> stated(file.species()).map(s -> speciesTerm(s, "nwb")),
                () -> dandiset.species().stream().findFirst());
        SourcedQuantity age = first(
                () -> stated(text(subject, "age", "value")).flatMap(a -> age(a, "asset")),
                () -> stated(file.age()).flatMap(a -> age(a, "nwb")),
                () -> Optional.ofNullable(dandiset.ageDays()));
        SourcedTerm sex = sex(stated(text(subject, "sex", "name")).or(() -> stated(text(subject, "sex", "identifier"))),
                stated(file.sex()));
        SourcedTerm genotype = first(
                () -> Genotype.of(text(subject, "genotype", null)).map(g -> new SourcedTerm(g, null, "asset", 1.0)),
                () -> Genotype.of(file.genotype()).map(g -> new SourcedTerm(g, null, "nwb", 1.0)));
        SourcedQuantity temperature = first(
                () -> Temperature.tryParse(file.temperature()).map(t -> quantity(t, "nwb")),
                () -> TemperatureText.find(file.description()).map(t -> quantity(t, "nwb")),
                () -> Optional.ofNullable(dandiset.temperatureC()));
        SourcedTerm lab = first(
                () -> Lab.ofFile(file.lab(), file.institution()),
                () -> Optional.ofNullable(dandiset.lab()));
        return new CellMetadata(species, dandiset.brainRegion(), age, sex, genotype, temperature, vocabularyVersion,
                lab);
    }

    /** Whether a region term is the "unknown" one. */
    public static boolean isUnknown(SourcedTerm region) {
        return region == null || UNKNOWN.equals(region.label());
    }

    // --- species

    private static Optional<SourcedTerm> assetSpecies(JsonNode subject) {
        Optional<String> id = stated(text(subject, "species", "identifier"));
        Optional<String> name = stated(text(subject, "species", "name"));
        Optional<Species> byId = id.flatMap(Species::lookup);
        if (byId.isPresent()) {
            return byId.map(s -> term(s, "asset", 1.0));
        }
        if (id.map(i -> i.contains("32644")).orElse(false)) {
            return Optional.empty(); // "Unidentified": the asset does not say
        }
        if (name.isPresent()) {
            return Optional.of(name.flatMap(Species::lookup).map(s -> term(s, "asset", LOOSE))
                    // A species outside the table: kept as stated rather than lost.
                    .orElse(new SourcedTerm(name.get(), id.map(MetadataExtractor::curie).orElse(null), "asset", LOOSE)));
        }
        return Optional.empty();
    }

    private static SourcedTerm speciesTerm(String stated, String source) {
        return Species.lookup(stated)
                .map(s -> term(s, source, stated.equalsIgnoreCase(s.scientificName()) || stated.contains("NCBITaxon") ? 1.0 : LOOSE))
                // "transgenic mouse" (Ferguson et al.'s NWB files): one species named in a phrase.
                .or(() -> Optional.of(Species.mentionedIn(stated)).filter(m -> m.size() == 1)
                        .map(m -> term(m.get(0), source, LOOSE)))
                .orElse(new SourcedTerm(stated, null, source, LOOSE));
    }

    private static List<SourcedTerm> dandisetSpecies(DandisetVersion v, String text) {
        List<Species> summary = new ArrayList<>();
        for (int i = 0; i < v.species().size(); i++) {
            String id = i < v.speciesIds().size() ? v.speciesIds().get(i) : "";
            Optional<Species> s = id.isBlank() ? Species.lookup(v.species().get(i)) : Species.lookup(id);
            s.filter(x -> !summary.contains(x)).ifPresent(summary::add);
        }
        List<Species> mentioned = Species.mentionedIn(text);
        if (summary.size() == 1) {
            return List.of(term(summary.get(0), "dandiset", SUMMARY_ONE));
        }
        if (summary.size() > 1) {
            // The ones the text mentions first, in the order it mentions them, then the others.
            return summary.stream()
                    .sorted(Comparator.comparingInt(s -> mentioned.contains(s) ? mentioned.indexOf(s) : Integer.MAX_VALUE))
                    .map(s -> term(s, "dandiset", SUMMARY_SEVERAL))
                    .toList();
        }
        return mentioned.stream()
                .map(s -> term(s, "text", s.evidenceIn(text).filter(w -> w.equalsIgnoreCase(s.scientificName())).isPresent()
                        ? TEXT_SCIENTIFIC_NAME : mentioned.size() == 1 ? TEXT_ONE_SPECIES : TEXT_SEVERAL_SPECIES))
                .toList();
    }

    private static SourcedTerm term(Species s, String source, double confidence) {
        return new SourcedTerm(s.scientificName(), s.taxonId(), source, confidence);
    }

    private static String curie(String id) {
        int slash = id.lastIndexOf('/');
        return (slash >= 0 ? id.substring(slash + 1) : id).replaceFirst("^([A-Za-z]+)_", "$1:");
    }

    // --- region, age, sex, temperature

    private SourcedTerm region(DandisetVersion v) {
        // Title, description, then each keyword on its own: a keyword list is not a sentence.
        List<String> texts = new ArrayList<>(List.of(nonNull(v.name()), nonNull(v.description())));
        texts.addAll(v.keywords());
        return regions.match(texts)
                .map(m -> new SourcedTerm(m.region().name(), m.region().id(), "text", m.confidence()))
                .orElse(unknownRegion());
    }

    private static SourcedTerm unknownRegion() {
        // No text names a region: "unknown" with no confidence in any region.
        return new SourcedTerm(UNKNOWN, null, "text", 0.0);
    }

    private static Optional<SourcedQuantity> age(String stated, String source) {
        return IsoAge.tryParse(stated).map(a -> new SourcedQuantity(a.days(), stated,
                source, STRICT_ISO.matcher(stated.strip()).matches() ? 1.0 : LOOSE));
    }

    private static SourcedTerm sex(Optional<String> asset, Optional<String> nwb) {
        List<SourcedTerm> stated = new ArrayList<>();
        asset.flatMap(Sex::parse).ifPresent(s -> stated.add(new SourcedTerm(s.label(), s.termId(), "asset", 1.0)));
        nwb.flatMap(Sex::parse).ifPresent(s -> stated.add(new SourcedTerm(s.label(), s.termId(), "nwb", 1.0)));
        // "Unknown" on the asset does not hide a sex the file states.
        return stated.stream().filter(t -> !UNKNOWN.equals(t.label())).findFirst()
                .orElse(stated.isEmpty() ? null : stated.get(0));
    }

    private static SourcedQuantity quantity(Temperature t, String source) {
        return new SourcedQuantity(t.celsius(), t.text(), source, t.confidence());
    }

    // --- reading the inputs

    /** The asset's first subject (DANDI lists the Participant under wasAttributedTo). */
    private static JsonNode subject(JsonNode asset) {
        JsonNode subjects = asset == null ? null : asset.get("wasAttributedTo");
        if (subjects == null || subjects.isNull()) {
            return null;
        }
        if (!subjects.isArray()) {
            return subjects;
        }
        for (JsonNode s : subjects) {
            if (s.isObject() && (s.has("species") || s.has("age") || s.has("sex") || "Participant".equals(s.path("schemaKey").asText()))) {
                return s;
            }
        }
        return null;
    }

    /** {@code node.field.key} as text (or {@code node.field} when key is null); null when absent or not text. */
    private static String text(JsonNode node, String field, String key) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && key != null && v.isObject()) {
            v = v.get(key);
        }
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Optional<String> stated(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String text(DandisetVersion v) {
        return String.join("\n", nonNull(v.name()), nonNull(v.description()), String.join(", ", v.keywords()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @SafeVarargs
    private static <T> T first(java.util.function.Supplier<Optional<T>>... candidates) {
        return Stream.of(candidates).map(java.util.function.Supplier::get)
                .flatMap(Optional::stream).findFirst().orElse(null);
    }
}
