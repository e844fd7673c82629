package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.dandi.IcephysSelection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The region of each real intracellular dandiset, as a neuroscientist reads its title, description
 * and keywords ("-": the text names no region). The answers were written from the texts in
 * ../shared/data/dandi before looking at the matcher's.
 */
class RegionDandiTest {

    private final RegionMatcher matcher = RegionMatcher.standard();

    private String region(DandisetVersion v) {
        return matcher.match(RegionTexts.texts(v)).map(m -> m.region().name()).orElse("-");
    }

    @Test
    void theIntracellularSummariesGetTheRegionTheirTextSupports() {
        Map<String, String> expected = new LinkedHashMap<>();
        // "thalamic and cortical neurons"; intracellular recordings "on mouse barrel cortex and
        // ventral posterolateral nucleus": the cortical side is the more specific, as often named.
        expected.put("000005", "barrel cortex");
        expected.put("000008", "motor cortex");          // "neurons in adult mouse motor cortex"
        // "spikes from the ALM and thalamus": the thalamus is named five times, ALM four.
        expected.put("000009", "thalamus");
        expected.put("000012", "-");                      // "Data from the Kriegstein Lab as part of the BICCN"
        expected.put("000013", "somatosensory cortex");  // "layer 4 in the somatosensory cortex"
        expected.put("000020", "visual cortex");         // "Patch-seq recordings from mouse visual cortex"
        expected.put("000023", "neocortex");             // title "human cortex", description "human neocortex"
        expected.put("000035", "motor cortex");          // "Patch-seq recordings in mouse motor cortex"
        expected.put("000068", "-");                      // "Testing / Nothing to see"
        expected.put("000109", "neocortex");             // title "human cortex", description "human neocortex"
        expected.put("000117", "spinal cord");           // "Patch-clamp recording data from spinal cord neurons"
        expected.put("000168", "primary visual cortex"); // "mouse V1 neurons", "L2/3 ... of mouse primary visual cortex"
        expected.put("000245", "spinal cord");           // "adult mouse spinal cord neurons"
        expected.put("000288", "-");                      // "20220630_AIBS_Patchseq_human / U01 Lein PatchSeq upload"
        expected.put("000292", "cerebral cortex");       // "mouse cortical neurons", "slices of layer 5 cortex"
        expected.put("000293", "cerebral cortex");       // "human cortical neurons", "resected human cortical tissue"
        expected.put("000295", "spinal cord");           // "adult mouse spinal cord neurons"
        expected.put("000297", "cerebral cortex");       // "human cortical neurons", "resected human cortical tissue"
        expected.put("000362", "primary visual cortex"); // as 000168 (its raw movies)
        expected.put("000570", "-");                      // "20230630_AIBS_Patchseq_human / U01 Lein Patch-seq data upload"
        expected.put("000938", "-");                      // HEK cells on coverslips
        expected.put("000968", "-");                      // "patch clamp recordings in HEK cells"
        // "BLA-projecting NBM/SI cholinergic neurons": the cells sit in NBM/SI, BLA is their target.
        expected.put("001261", "substantia innominata");
        // "Human Cortical Supragranular Pyramidal Cells", "Layer 2/3 pyramidal cells in the human neocortex"
        expected.put("001281", "neocortex");
        expected.put("001455", "visual cortex");         // "projection neurons in slices of mouse visual cortex"

        Map<String, String> actual = new LinkedHashMap<>();
        for (DandisetVersion v : RegionTexts.summaries().values()) {
            if (IcephysSelection.decide(v).candidate()) {
                actual.put(v.identifier(), region(v));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void theDandisetFoldersWithTheirKeywords() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("000008", "motor cortex");   // "adult mouse motor cortex"; keywords cortex, motor cortex
        expected.put("000020", "visual cortex");  // "mouse visual cortex"; keyword visual cortex
        expected.put("000035", "motor cortex");   // "mouse motor cortex"
        expected.put("000109", "neocortex");      // "human neocortex"; keyword neocortex
        // Title and description name no region ("U01 Lein PatchSeq upload"): the keyword "neocortical" does.
        expected.put("000142", "neocortex");
        expected.put("000297", "cerebral cortex"); // "human cortical neurons"; keyword cortex
        expected.put("000630", "neocortex");       // "human neocortical L1 neurons", "human versus mouse neocortex"
        Map<String, String> actual = new LinkedHashMap<>();
        for (String id : expected.keySet()) {
            actual.put(id, region(RegionTexts.folder(id)));
        }
        assertEquals(expected, actual);
        RegionMatch m = matcher.match(RegionTexts.texts(RegionTexts.folder("000142"))).orElseThrow();
        assertEquals("neocortical", m.evidence());
        assertEquals(0.54, m.confidence(), 1e-9); // an adjective, in the keywords
    }

    @Test
    void matchingAllSummariesIsFast() {
        // Not a timed test: prints the cost per record (the CLI's benchmark measures the whole command).
        List<List<String>> texts = RegionTexts.summaries().values().stream().map(RegionTexts::texts).toList();
        int matched = 0;
        for (List<String> t : texts) {
            matched += matcher.match(t).isPresent() ? 1 : 0; // warm-up
        }
        long start = System.nanoTime();
        int rounds = 20;
        for (int r = 0; r < rounds; r++) {
            texts.forEach(matcher::match);
        }
        double usPerRecord = (System.nanoTime() - start) / 1e3 / rounds / texts.size();
        System.out.printf("region matching: %d records, %d with a region, %.1f µs per record%n",
                texts.size(), matched, usPerRecord);
        assertEquals(385, texts.size());
        assertEquals(241, matched);
    }
}
