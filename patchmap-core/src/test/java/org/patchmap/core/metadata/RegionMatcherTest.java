package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One test per matching rule, on sentences shaped like DANDI's. */
class RegionMatcherTest {

    private final RegionMatcher matcher = RegionMatcher.standard();

    /** "name <evidence> confidence", or "-" when no region. */
    private String match(String... texts) {
        // Arrays.asList: a missing description arrives as null.
        Optional<RegionMatch> m = matcher.match(Arrays.asList(texts));
        return m.map(r -> r.region().name() + " <" + r.evidence() + "> " + String.format("%.3f", r.confidence()))
                .orElse("-");
    }

    private String region(String... texts) {
        return matcher.match(List.of(texts)).map(r -> r.region().name()).orElse("-");
    }

    @Test
    void theEvidenceIsTheExactSpanAndTheRegionItsTerm() {
        assertEquals("primary visual cortex <primary visual cortex> 0.900",
                match("Whole-cell recordings in layer 5 of mouse primary visual cortex"));
        assertEquals("primary visual cortex <VISp> 0.850", match("Pyramidal cells of VISp"));
        assertEquals("hippocampus proper <Ammon’s horn> 0.900", match("cells of Ammon’s horn"));
        assertEquals("dentate gyrus <Dentate-Gyri> 0.900", match("slices through both Dentate-Gyri"));
        assertEquals("ca1 field of hippocampus <CA1-region> 0.900", match("the CA1-region of the rat"));
    }

    @Test
    void negatedRegionsDoNotCount() {
        assertEquals("-", match("Recordings not in hippocampus"));
        assertEquals("-", match("non-hippocampal interneurons"));
        assertEquals("striatum", region("Striatum slices excluding the amygdala"));
        assertEquals("thalamus", region("thalamic neurons outside the hippocampus"));
        assertEquals("cerebellum", region("Unlike cortex, cerebellar Purkinje neurons fire tonically"));
        // A negation reaches over "in the", and over the items of its list, not past the clause.
        assertEquals("-", match("neurons not in the striatum, nor the amygdala"));
        assertEquals("amygdala", region("Excluding the striatum; amygdala neurons"));
    }

    @Test
    void termsMatchWholeWordsOnly() {
        assertEquals("-", match("CA10 and CA1x"));
        assertEquals("hippocampus proper <CA1-3> 0.900", match("Pyramidal cells in CA1-3"));
        assertEquals("nucleus accumbens <accumbens> 0.900", match("medium spiny neurons of the accumbens"));
        assertEquals("-", match("accumulation of calcium"));
        assertEquals("-", match("ALHS and PLH are not regions; nor is VTAB"));
        assertEquals("lateral habenula <LHb> 0.850", match("LHb neurons"));
    }

    @Test
    void shortAbbreviationsMatchOnlyAsWritten() {
        assertEquals("-", match("the dg and m1 keys of the rig; pvn mode"));
        assertEquals("dentate gyrus <DG> 0.850", match("DG granule cells"));
        assertEquals("primary motor cortex <M1> 0.850", match("layer 5 of M1"));
        assertEquals("paraventricular nucleus of hypothalamus <PVN> 0.850", match("PVN oxytocin neurons"));
        assertEquals("dorsal root ganglion <DRGs> 0.850", match("cultured DRGs"));
        // Longer abbreviations match in any case.
        assertEquals("barrel cortex <ssp-bfd> 0.850", match("recorded in ssp-bfd"));
    }

    @Test
    void theMostSpecificRegionWins() {
        assertEquals("ca1 field of hippocampus <CA1> 0.850", match("Hippocampus: CA1 pyramidal neurons"));
        assertEquals("substantia nigra pars compacta <SNc> 0.850",
                match("midbrain dopamine neurons of the substantia nigra (SNc)"));
    }

    @Test
    void unrelatedRegionsGiveTheirInformativeCommonAncestor() {
        assertEquals("hippocampus proper <CA1, CA3> 0.680", match("Paired recordings in CA1 and CA3"));
        assertEquals("amygdala <BLA, central amygdala> 0.680", match("BLA and central amygdala neurons"));
        assertEquals("visual cortex <V1, VISl> 0.680", match("V1 and VISl"));
        // An elided "cortex" (000128's title): both areas count, their parent answers.
        assertEquals("motor cortex <primary motor, dorsal premotor cortex> 0.720",
                match("macaque primary motor and dorsal premotor cortex spiking activity"));
    }

    @Test
    void otherwiseTheMostSupportedThenMostSpecificThenFirst() {
        // Forebrain is too broad to answer: one mention each, same depth, the first named wins.
        assertEquals("cerebral cortex <cortex> 0.540", match("cortex and hippocampus"));
        assertEquals("hippocampus <hippocampus> 0.540", match("hippocampus and cortex"));
        // The description's mentions count: the hippocampus is named three times.
        assertEquals("hippocampus <hippocampus> 0.540",
                match("cortex and hippocampus", "Hippocampal slices; the hippocampus was cut"));
        // ... and refine: CA3 is in the hippocampus.
        assertEquals("ca3 field of hippocampus <CA3> 0.485",
                match("cortex and hippocampus", "Hippocampal slices; hippocampus CA3 was cut"));
        // Equal support: the more specific one.
        assertEquals("barrel cortex <barrel cortex> 0.513", match("thalamic and cortical neurons",
                "recordings in barrel cortex and the ventral posterolateral nucleus"));
    }

    @Test
    void theTitleBeatsTheDescriptionWhichOnlyRefinesIt() {
        assertEquals("visual cortex <visual cortex> 0.900",
                match("Patch-seq from mouse visual cortex", "Unlike earlier work in hippocampus, CA1 was not sampled; "
                        + "we also imaged the striatum."));
        assertEquals("neocortex <neocortex> 0.855", match("recordings from human cortex", "neurons of the human neocortex"));
        assertEquals("motor cortex <motor cortex> 0.855", match("20210923_AIBS_Patchseq_mouse", "adult mouse motor cortex",
                "cortex", "visual cortex"));
        // Keywords come last and refine too.
        assertEquals("motor cortex <motor cortex> 0.810", match("Patch-seq", "", "Patch-seq", "cortex", "motor cortex"));
    }

    @Test
    void cellTypesPlacesAndLayersAreNotRegions() {
        assertEquals("-", match("PV, SST and VIP interneurons; IT and PT neurons; Sst-Cre and Pvalb-Cre mouse lines"));
        assertEquals("-", match("Allen Institute for Brain Science, Seattle; UCSD, La Jolla, CA"));
        assertEquals("-", match("layer 2/3 and L5 pyramidal cells"));
        assertEquals("-", match("software version 1, v1 of the pipeline, IPFX v1.0"));
        assertEquals("-", match("M1 receptor antagonist and M2 receptors"));
        assertEquals("-", match("HEK 293 cells cultured on Indium Tin Oxide coated coverslips"));
    }

    @Test
    void adjectivesAndSlicesNameTheirRegionWithLessConfidence() {
        assertEquals("hippocampus <hippocampal> 0.600", match("acute hippocampal slices"));
        assertEquals("cerebral cortex <cortical> 0.600", match("mouse cortical neurons"));
        assertEquals("thalamus <thalamic> 0.600", match("thalamic slices"));
        assertEquals("striatum <striatal> 0.600", match("striatal projection neurons"));
        assertEquals("cerebellum <cerebellar> 0.600", match("cerebellar slices"));
        assertEquals("amygdala <amygdalar> 0.600", match("amygdalar neurons"));
        assertEquals("hypothalamus <hypothalamic> 0.600", match("hypothalamic neurons"));
        assertEquals("neocortex <neocortical> 0.600", match("neocortical L1 interneurons"));
        assertEquals("dentate gyrus <dentate gyrus> 0.900", match("slices of the dentate gyrus"));
    }

    @Test
    void projectionTargetsAreNotWhereTheCellsAre() {
        assertEquals("substantia innominata <NBM> 0.850", match("BLA-projecting NBM/SI neurons in mouse and macaque"));
        assertEquals("prefrontal cortex <mPFC> 0.850", match("mPFC neurons projecting to the VTA"));
        assertEquals("-", match("neurons projecting to the nucleus accumbens"));
    }

    @Test
    void broadRegionsAloneAnswerWithLowConfidence() {
        assertEquals("brain <brain> 0.450", match("acute brain slices"));
        assertEquals("-", match(""));
        assertEquals("-", match(" ", null, "mouse"));
    }
}
