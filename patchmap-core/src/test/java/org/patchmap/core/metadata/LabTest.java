package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.events.MetadataEvent.SourcedTerm;
import org.patchmap.testing.SharedData;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The lab of real recordings (their /general/lab and /general/institution) and of real dandisets (their contributors). */
class LabTest {
    private static final MetadataExtractor EXTRACTOR = MetadataExtractor.standard();

    private static SourcedTerm fileLab(String file) throws Exception {
        return EXTRACTOR.extract(null, RecordingReader.read(SharedData.cell(file)).subject(), (DandisetVersion) null).lab();
    }

    @Test
    void labAndInstitutionOfTheFile() throws Exception {
        assertEquals(new SourcedTerm("Skinner Lab, University of Toronto", null, "nwb", 1.0),
                fileLab("FergusonEtAl2015_PYR2.nwb"));
        assertEquals(new SourcedTerm("Skinner Lab, University of Toronto", null, "nwb", 1.0),
                fileLab("FergusonEtAl2015_PYR5_rebound.nwb"));
    }

    @Test
    void anInstitutionAloneIsLessCertain() throws Exception {
        assertEquals(new SourcedTerm("Donders Institute for Brain, Cognition and Behaviour, Radboud University", null,
                "nwb", Lab.INSTITUTION_ONLY), fileLab("LantyerEtAl2018_180817_ME_9_CC.nwb"));
        assertEquals(new SourcedTerm("University College London", null, "nwb", Lab.INSTITUTION_ONLY),
                fileLab("99111002.nwb"));
    }

    @Test
    void filesThatStateNoLab() throws Exception {
        assertNull(fileLab("19926019.nwb"));
        assertNull(fileLab("PYR2.abf"));
        // 2025053101.nwb (voltage clamp only, so never read whole) keeps NeuroConv's template text.
        assertEquals(Optional.empty(), Lab.ofFile("my lab name", "My University"));
    }

    @Test
    void labsAsDandisetFilesStateThem() {
        // The pairs of ../shared/data/dandi/nwb-layouts (000008, 000245, 001261, 001281).
        assertEquals("Tolias, Baylor College of Medicine", Lab.ofFile("Tolias", "Baylor College of Medicine")
                .orElseThrow().label());
        assertEquals("Huizhong Tao, USC", Lab.ofFile("Huizhong Tao", "USC").orElseThrow().label());
        assertEquals("Section on Circuits, Synapses, and Molecular Signaling, NINDS/NIH",
                Lab.ofFile("Section on Circuits, Synapses, and Molecular Signaling", "NINDS/NIH").orElseThrow().label());
        assertEquals("Lab of Gabor Tamas, ELKH-SZTE Research Group for Cortical Microcircuits; University of Szeged, "
                + "Hungary", Lab.ofFile("Lab of Gabor Tamas", "ELKH-SZTE Research Group for Cortical Microcircuits; "
                + "University of Szeged, Hungary").orElseThrow().label());
        assertEquals("Smith lab, Allen Institute", Lab.ofFile("Smith lab, Allen Institute", "Allen Institute")
                .orElseThrow().label(), "a lab that names its institution is not given it twice");
    }

    @Test
    void contributorsOfTheDandisetsKeptHere() {
        assertEquals(new SourcedTerm("Tolias lab", null, "dandiset", Lab.CONTACT), dandisetLab("000008"));
        assertEquals(new SourcedTerm("Tolias lab", null, "dandiset", Lab.CONTACT), dandisetLab("000035"));
        // A contact person with an affiliation: the affiliation, as written (000109 misspells it).
        assertEquals(new SourcedTerm("Allen Institute for Brain Science", null, "dandiset", Lab.CONTACT),
                dandisetLab("000020"));
        assertEquals(new SourcedTerm("Allen Institute for Brian Science", null, "dandiset", Lab.CONTACT),
                dandisetLab("000109"));
        assertEquals(new SourcedTerm("Allen Institute for Brain Science", null, "dandiset", Lab.CONTACT),
                dandisetLab("000142"));
        // Supervision and project leadership come before the contact person (000297's is its data curator).
        assertEquals(new SourcedTerm("Valiante lab", null, "dandiset", Lab.HEAD), dandisetLab("000297"));
        assertEquals(new SourcedTerm("Lein lab", null, "dandiset", Lab.HEAD), dandisetLab("000630"));
    }

    @Test
    void contributorsOfTheSummaryCollection() {
        Map<String, DandisetVersion> records = MetadataTestData.records();
        assertEquals(new SourcedTerm("Valiante lab, Krembil Brain Institute, University Health Network", null,
                "dandiset", Lab.HEAD), EXTRACTOR.dandiset(records.get("000293")).lab());
        assertEquals(new SourcedTerm("Lein lab", null, "dandiset", Lab.HEAD), EXTRACTOR.dandiset(records.get("000570")).lab());
        assertEquals(new SourcedTerm("Desai lab", null, "dandiset", Lab.CONTACT),
                EXTRACTOR.dandiset(records.get("001261")).lab());
        // 15 name none: 14 list no person who supervised, led or is the contact (000045's contact is the International
        // Brain Laboratory, an organisation), and 000150's contact person is named ", ".
        Map<String, Long> bySource = records.values().stream().collect(Collectors.groupingBy(
                v -> Optional.ofNullable(EXTRACTOR.dandiset(v).lab()).map(l -> l.source() + " " + l.confidence())
                        .orElse("none"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("dandiset 0.6", 289L, "dandiset 0.8", 81L, "none", 15L), bySource);
    }

    @Test
    void theFileComesBeforeTheDandiset() throws Exception {
        CellMetadata m = EXTRACTOR.extract(MetadataTestData.assetMetadata("000008").get(0),
                RecordingReader.read(SharedData.cell("FergusonEtAl2015_PYR2.nwb")).subject(),
                MetadataTestData.version("000008"));
        assertEquals("Skinner Lab, University of Toronto", m.lab().label());
        assertEquals("lab", List.copyOf(m.sources().keySet()).get(m.sources().size() - 1));
        assertEquals("Tolias lab", EXTRACTOR.extract(MetadataTestData.assetMetadata("000008").get(0), null,
                MetadataTestData.version("000008")).lab().label());
    }

    @Test
    void familyNames() {
        assertEquals(Optional.of("Tolias"), Lab.familyName("Tolias, Andreas Savas"));
        assertEquals(Optional.of("Valiante"), Lab.familyName("Taufik A Valiante"));
        assertEquals(Optional.empty(), Lab.familyName(" , "));
    }

    private static SourcedTerm dandisetLab(String id) {
        return EXTRACTOR.dandiset(MetadataTestData.version(id)).lab();
    }
}
