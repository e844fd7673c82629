package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;
import org.patchmap.core.dandi.DandisetVersion;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpeciesTest {
    @Test
    void structuredFormsOfTheSameSpecies() {
        for (String form : List.of("http://purl.obolibrary.org/obo/NCBITaxon_10090", "NCBITaxon:10090", "obo:NCBITaxon_10090",
                "Mus musculus - House mouse", "House mouse", "Mus musculus", "mus  musculus", "Mouse")) {
            assertEquals("NCBITaxon:10090", Species.require(form).taxonId(), form);
        }
        assertEquals("Rattus norvegicus", Species.require("Rat; norway rat; rats; brown rat").scientificName());
        assertEquals("Cricetulus griseus", Species.require("Cricetulus griseus - Cricetulus aureus").scientificName());
        assertEquals("Macaca mulatta", Species.require("Rhesus monkey").scientificName());
        assertEquals("Homo sapiens", Species.require("Human").scientificName());
    }

    @Test
    void unknownAndUnidentifiedAreEmpty() {
        assertEquals(Optional.empty(), Species.lookup("http://purl.obolibrary.org/obo/NCBITaxon_32644"));
        assertEquals(Optional.empty(), Species.lookup("Unidentified"));
        assertEquals(Optional.empty(), Species.lookup("NCBITaxon:999999999"));
        assertEquals(Optional.empty(), Species.lookup(""));
        assertEquals(Optional.empty(), Species.lookup(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Species.require("Mus muscles"));
        assertEquals("species \"Mus muscles\": not in the species table (an NCBITaxon id, a scientific or a common name)",
                e.getMessage());
        assertEquals("species null: not in the species table (an NCBITaxon id, a scientific or a common name)",
                assertThrows(IllegalArgumentException.class, () -> Species.require(null)).getMessage());
    }

    /** Every species name and identifier of the 385 real assetsSummaries is in the table, except "Unidentified". */
    @Test
    void everySummarySpeciesOfTheRealRecordsIsKnown() {
        TreeSet<String> unknown = new TreeSet<>();
        int named = 0;
        for (DandisetVersion v : MetadataTestData.records().values()) {
            for (int i = 0; i < v.species().size(); i++) {
                named++;
                String name = v.species().get(i);
                String id = v.speciesIds().get(i);
                if (Species.lookup(name).isEmpty()) {
                    unknown.add(name);
                }
                if (!Species.lookup(id).map(s -> Species.lookup(name).orElse(null) == s).orElse(false)) {
                    unknown.add(id);
                }
            }
        }
        assertEquals(353, named);
        assertEquals(new TreeSet<>(List.of("Unidentified", "http://purl.obolibrary.org/obo/NCBITaxon_32644")), unknown);
    }

    @Test
    void textMentionsWithWordBoundaries() {
        assertEquals(List.of(), Species.mentionedIn("Neuropixels datasets recorded in non-human primates"));
        assertEquals(names("Homo sapiens", "Macaca mulatta", "Callithrix jacchus"),
                Species.mentionedIn("whole human and non-human primate brains: macaque and marmoset"));
        assertEquals(names("Rattus norvegicus", "Mus musculus"), Species.mentionedIn("Fluid flow in Rats and Mice; mouse"));
        assertEquals(names("Drosophila suzukii"), Species.mentionedIn("egg-laying of Drosophila suzukii"));
        assertEquals(names("Macaca nemestrina"), Species.mentionedIn("a pig-tailed macaque"));
        assertEquals(names("Caenorhabditis elegans"), Species.mentionedIn("whole-brain imaging in C. elegans"));
        assertEquals(names("Homo sapiens"), Species.mentionedIn("cortex resected from epilepsy patients"));
        // Words inside other words name nothing: "ratio", "mousetrap", "pigment", "humanities".
        assertEquals(List.of(), Species.mentionedIn("the ratio of a mousetrap pigment in the humanities"));
        assertEquals(List.of(), Species.mentionedIn(null));
    }

    @Test
    void evidenceIsTheWordAsWritten() {
        String text = "Recordings from adult Mice. Mus musculus only.";
        assertEquals(Optional.of("Mice"), Species.require("mouse").evidenceIn(text));
        assertEquals(Optional.empty(), Species.require("rat").evidenceIn(text));
    }

    private static List<Species> names(String... scientific) {
        return List.of(scientific).stream().map(Species::require).toList();
    }
}
