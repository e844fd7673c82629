package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped vocabulary's integrity, its lookups, and the exact refusal of a broken file. */
class BrainRegionVocabularyTest {

    private final BrainRegionVocabulary vocabulary = BrainRegionVocabulary.standard();

    private String ancestorNames(String name) {
        return String.join(" > ", vocabulary.ancestors(vocabulary.byName(name).orElseThrow()).stream()
                .map(BrainRegion::name).toList());
    }

    @Test
    void theShippedVocabularyIsWellFormed() {
        assertEquals("2026.11.2", vocabulary.version());
        assertEquals(237, vocabulary.all().size());
        Pattern id = Pattern.compile("UBERON:\\d{7}|MBA:\\d+");
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<String> roots = new ArrayList<>();
        for (BrainRegion r : vocabulary.all()) {
            assertTrue(id.matcher(r.id()).matches(), r.id());
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(names.add(r.name()), "duplicate name " + r.name());
            assertEquals(r.name().toLowerCase(Locale.ROOT), r.name());
            if (r.parentId() == null) {
                roots.add(r.name());
            } else {
                assertTrue(vocabulary.byId(r.parentId()).isPresent(), r.id() + " parent " + r.parentId());
            }
            // No cycle: the chain ends at a root within the tree's size.
            List<BrainRegion> chain = vocabulary.ancestors(r);
            assertTrue(chain.size() < vocabulary.all().size());
            assertTrue(chain.isEmpty() || chain.get(chain.size() - 1).parentId() == null);
        }
        assertEquals(List.of("central nervous system", "peripheral nervous system"), roots);
    }

    @Test
    void noTermNamesTwoRegions() {
        // Independently of the loader: every name, synonym and abbreviation, case-folded, names one region.
        Map<String, String> owner = new HashMap<>();
        int terms = 0;
        for (BrainRegion r : vocabulary.all()) {
            List<String> all = new ArrayList<>(List.of(r.name()));
            all.addAll(r.synonyms());
            all.addAll(r.abbreviations());
            all.addAll(vocabulary.adjectives(r));
            for (String t : all) {
                String key = t.toLowerCase(Locale.ROOT);
                String previous = owner.putIfAbsent(key, r.id());
                assertTrue(previous == null || previous.equals(r.id()), t + ": " + previous + " and " + r.id());
                terms++;
                assertSame(r, vocabulary.byName(t).orElseThrow(), t);
            }
        }
        assertEquals(806, terms);
    }

    @Test
    void parentsGeneraliseAsNeuroscientistsDo() {
        assertEquals("visual cortex > neocortex > cerebral cortex > telencephalon > forebrain > brain > central nervous system",
                ancestorNames("primary visual cortex"));
        assertEquals("hippocampus proper > hippocampus > telencephalon > forebrain > brain > central nervous system",
                ancestorNames("CA1"));
        assertEquals("primary somatosensory cortex > somatosensory cortex > neocortex > cerebral cortex > telencephalon"
                + " > forebrain > brain > central nervous system", ancestorNames("barrel cortex"));
        assertEquals("substantia nigra > midbrain > brainstem > brain > central nervous system", ancestorNames("SNc"));
        assertEquals("peripheral nervous system", ancestorNames("DRG"));
        assertEquals(List.of(), vocabulary.ancestors(vocabulary.byId("UBERON:0001017").orElseThrow()));
    }

    @Test
    void lookupsByIdNameSynonymAbbreviationAndAdjective() {
        BrainRegion v1 = vocabulary.byId("UBERON:0002436").orElseThrow();
        assertEquals("primary visual cortex", v1.name());
        assertEquals("UBERON:0000411", v1.parentId());
        assertEquals(List.of("V1", "VISp"), v1.abbreviations());
        for (String s : List.of("V1", "visp", "Primary Visual Cortex", "striate cortex", "area 17")) {
            assertSame(v1, vocabulary.byName(s).orElseThrow(), s);
        }
        assertEquals("dentate gyrus", vocabulary.byName("Dentate-gyri").orElseThrow().name());
        assertEquals("hippocampus proper", vocabulary.byName("Ammon's horn").orElseThrow().name());
        assertEquals("hippocampus", vocabulary.byName("hippocampal").orElseThrow().name());
        assertEquals("primary motor cortex", vocabulary.byName("MOp").orElseThrow().name());
        assertEquals("UBERON:0001384", vocabulary.byName("M1").orElseThrow().id());
        assertEquals("paraventricular nucleus of hypothalamus", vocabulary.byName("PVN").orElseThrow().name());
        assertEquals("ventral tegmental area", vocabulary.byId(" UBERON:0002691 ").orElseThrow().name());
        assertTrue(vocabulary.byName("Allen Institute").isEmpty());
        assertTrue(vocabulary.byName(null).isEmpty());
        assertTrue(vocabulary.byId("MBA:0").isEmpty());
        assertSame(vocabulary, BrainRegionVocabulary.standard());
    }

    private static final String HEAD = "# version: 1\nid\tname\tparent_id\tsynonyms\tabbreviations\tadjectives\n";

    private static String refusal(String tsv) {
        return assertThrows(IllegalArgumentException.class,
                () -> BrainRegionVocabulary.parse("test.tsv", List.of(tsv.split("\n", -1)))).getMessage();
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndCause() {
        assertEquals("test.tsv line 4: id UBERON:0000955 already on line 3",
                refusal(HEAD + "UBERON:0000955\tbrain\t\t\t\t\nUBERON:0000955\tforebrain\t\t\t\t"));
        assertEquals("test.tsv line 3: id \"UBERON:123\" is neither UBERON:<7 digits> nor MBA:<digits>",
                refusal(HEAD + "UBERON:123\tbrain\t\t\t\t"));
        assertEquals("test.tsv line 3: name \"Brain\" of UBERON:0000955 is not lower case",
                refusal(HEAD + "UBERON:0000955\tBrain\t\t\t\t"));
        assertEquals("test.tsv line 3: parent MBA:1 of UBERON:0000955 (brain) is not in the vocabulary",
                refusal(HEAD + "UBERON:0000955\tbrain\tMBA:1\t\t\t"));
        assertEquals("test.tsv line 3: MBA:1 (a) is its own ancestor through MBA:1",
                refusal(HEAD + "MBA:1\ta\tMBA:2\t\t\t\nMBA:2\tb\tMBA:1\t\t\t"));
        assertEquals("test.tsv line 4: \"ACC\" of MBA:2 (b) is already a term of MBA:1 (a)",
                refusal(HEAD + "MBA:1\ta\t\t\tACC\t\nMBA:2\tb\t\t\tACC\t"));
        assertEquals("test.tsv line 4: \"CA1\" of MBA:2 (b) is already a term of MBA:1 (a)",
                refusal(HEAD + "MBA:1\ta\t\tca1\t\t\nMBA:2\tb\t\t\tCA1\t"));
        assertEquals("test.tsv line 3: expected 6 tab-separated columns, found 3",
                refusal(HEAD + "MBA:1\ta\t"));
        assertEquals("test.tsv: no \"# version: ...\" line",
                refusal("id\tname\tparent_id\tsynonyms\tabbreviations\tadjectives\nMBA:1\ta\t\t\t\t"));
        assertEquals("test.tsv line 2: expected the header \"id\\tname\\tparent_id\\tsynonyms\\tabbreviations\\tadjectives\","
                + " found \"id\tname\"", refusal("# version: 1\nid\tname"));
    }

    @Test
    void aWellFormedFileReadsItsVersionAndTree() {
        BrainRegionVocabulary v = BrainRegionVocabulary.parse("test.tsv", List.of(
                "# a comment", "# version: 2030.1.2", "id\tname\tparent_id\tsynonyms\tabbreviations\tadjectives",
                "MBA:1\troot area\t\t\t\t", "MBA:2\tchild area\tMBA:1\tkid area|young area\tCA\tchildish"));
        assertEquals("2030.1.2", v.version());
        BrainRegion child = v.byName("young areas").orElseThrow();
        assertEquals(new BrainRegion("child area", "MBA:2", "MBA:1", List.of("kid area", "young area"), List.of("CA")), child);
        assertEquals(List.of("childish"), v.adjectives(child));
        assertEquals(List.of(v.byId("MBA:1").orElseThrow()), v.ancestors(child));
        assertNull(v.byId("MBA:1").orElseThrow().parentId());
    }
}
