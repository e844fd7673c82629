package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The metadata of one dandiset version, as far as PatchMap needs it: what {@code GET
 * /dandisets/{id}/versions/{version}/} returns (the same content as the mirrors'
 * {@code dandiset.yaml}), or a record of a summary collection (identifier, version, name,
 * description, contributor, assetsSummary). Lists are never null.
 *
 * @param identifier             six digits, without the {@code DANDI:} prefix ({@code 000008})
 * @param version                {@code draft} or a published version ({@code 0.211014.0809})
 * @param name                   the title
 * @param description            free text
 * @param keywords               as given
 * @param license                SPDX ids as given ({@code spdx:CC-BY-4.0})
 * @param species                assetsSummary.species names ({@code Mus musculus - House mouse})
 * @param approaches             assetsSummary.approach names ({@code electrophysiological approach})
 * @param measurementTechniques  assetsSummary.measurementTechnique names ({@code current clamp technique})
 * @param variableMeasured       assetsSummary.variableMeasured: NWB neurodata types ({@code CurrentClampSeries})
 * @param contributors           contributor names, people and organisations
 * @param speciesIds             assetsSummary.species identifiers, in the order of {@code species}
 *                               ({@code http://purl.obolibrary.org/obo/NCBITaxon_10090}); an entry without one is ""
 * @param people                 the contributors that are persons, with their roles and affiliations
 */
public record DandisetVersion(String identifier, String version, String name, String description,
                              List<String> keywords, List<String> license, List<String> species,
                              List<String> approaches, List<String> measurementTechniques,
                              List<String> variableMeasured, List<String> contributors, List<String> speciesIds,
                              List<Contributor> people) {
    public DandisetVersion {
        keywords = List.copyOf(keywords);
        license = List.copyOf(license);
        species = List.copyOf(species);
        approaches = List.copyOf(approaches);
        measurementTechniques = List.copyOf(measurementTechniques);
        variableMeasured = List.copyOf(variableMeasured);
        contributors = List.copyOf(contributors);
        speciesIds = List.copyOf(speciesIds);
        people = List.copyOf(people);
    }

    /** Without the persons' roles and affiliations. */
    public DandisetVersion(String identifier, String version, String name, String description,
                           List<String> keywords, List<String> license, List<String> species,
                           List<String> approaches, List<String> measurementTechniques,
                           List<String> variableMeasured, List<String> contributors, List<String> speciesIds) {
        this(identifier, version, name, description, keywords, license, species, approaches,
                measurementTechniques, variableMeasured, contributors, speciesIds, List.of());
    }

    /** Without species identifiers (a version built by hand, in tests). */
    public DandisetVersion(String identifier, String version, String name, String description,
                           List<String> keywords, List<String> license, List<String> species,
                           List<String> approaches, List<String> measurementTechniques,
                           List<String> variableMeasured, List<String> contributors) {
        this(identifier, version, name, description, keywords, license, species, approaches,
                measurementTechniques, variableMeasured, contributors, List.of());
    }

    /** Reads the API / dandiset.yaml shape and the summary-collection shape; missing fields are null or empty. */
    public static DandisetVersion fromJson(JsonNode node) {
        JsonNode summary = node.get("assetsSummary");
        return new DandisetVersion(
                bareIdentifier(Json.text(node, "identifier")),
                Json.text(node, "version"),
                Json.text(node, "name"),
                Json.text(node, "description"),
                Json.strings(node, "keywords"),
                Json.strings(node, "license"),
                Json.strings(summary, "species", "name"),
                Json.strings(summary, "approach", "name"),
                Json.strings(summary, "measurementTechnique", "name"),
                Json.strings(summary, "variableMeasured", "value", "name"),
                Json.strings(node, "contributor", "name"),
                speciesIdentifiers(summary),
                Contributor.people(node));
    }

    /** The identifier of each named species ("" when it has none), so that it pairs with {@code species}. */
    private static List<String> speciesIdentifiers(JsonNode summary) {
        List<String> out = new ArrayList<>();
        JsonNode species = summary == null ? null : summary.get("species");
        if (species == null || species.isNull()) {
            return out;
        }
        for (JsonNode s : species.isArray() ? species : List.of(species)) {
            if (s.isValueNode()) {
                if (!s.isNull() && !s.asText().isBlank()) {
                    out.add("");
                }
            } else if (Json.text(s, "name") != null && !Json.text(s, "name").isBlank()) {
                String id = Json.text(s, "identifier");
                out.add(id == null ? "" : id);
            }
        }
        return out;
    }

    /** {@code DANDI:000008} → {@code 000008}; a bare identifier stays as it is. */
    public static String bareIdentifier(String identifier) {
        if (identifier == null) {
            return null;
        }
        String s = identifier.strip();
        return s.regionMatches(true, 0, "DANDI:", 0, 6) ? s.substring(6) : s;
    }
}
