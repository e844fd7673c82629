package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.patchmap.core.dandi.IcephysSelection.Selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The icephys selection on the real DANDI metadata: the seven dandiset folders and the 385 summaries. */
class IcephysSelectionTest {

    private static Selection decideFolder(String id) {
        return IcephysSelection.decide(DandisetVersion.fromJson(DandiTestData.versionJson(id)));
    }

    @Test
    void everyDandisetFolderIsIcephysWithItsReason() {
        // Read from each dandiset.yaml: all seven are patch-clamp dandisets. The Allen Patch-seq
        // ones (000020, 000109, 000142) list only ProcessingModule and "analytical technique".
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("000008", "variableMeasured has CurrentClampSeries");
        expected.put("000020", "name mentions \"Patch-seq\"");
        expected.put("000035", "variableMeasured has CurrentClampSeries");
        expected.put("000109", "name mentions \"Patch-seq\"");
        expected.put("000142", "name mentions \"Patchseq\"");
        expected.put("000297", "variableMeasured has CurrentClampSeries");
        expected.put("000630", "variableMeasured has CurrentClampSeries");
        for (String id : DandiTestData.FOLDERS) {
            assertEquals(new Selection(true, expected.get(id)), decideFolder(id), id);
        }
    }

    @Test
    void theSummaryCollectionSelects25Of385() {
        List<JsonNode> records = DandiTestData.jsonlRecords();
        assertEquals(385, records.size());
        Map<String, String> selected = new LinkedHashMap<>();
        for (JsonNode r : records) {
            DandisetVersion v = DandisetVersion.fromJson(r);
            Selection s = IcephysSelection.decide(v);
            if (s.candidate()) {
                selected.put(v.identifier(), s.reason());
            }
        }
        selected.forEach((id, reason) -> System.out.println("icephys " + id + ": " + reason));
        assertEquals(List.of("000005", "000008", "000009", "000012", "000013", "000020", "000023", "000035",
                "000068", "000109", "000117", "000168", "000245", "000288", "000292", "000293", "000295",
                "000297", "000362", "000570", "000938", "000968", "001261", "001281", "001455"),
                new ArrayList<>(selected.keySet()));
        assertEquals(25, selected.size());
        // In the summaries 000008 lists no variableMeasured at all: its description carries it.
        assertEquals("description mentions \"Patch-seq\"", selected.get("000008"));
        assertEquals("variableMeasured has VoltageClampSeries", selected.get("000012"));
        assertEquals("name mentions \"Patch-seq\"", selected.get("000023"));
        assertEquals("description mentions \"patch clamp\"", selected.get("000938"));
        assertEquals("variableMeasured has CurrentClampStimulusSeries", selected.get("000009"));
    }

    @Test
    void clearNonIcephysDandisetsAreNotSelected() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        DandiTestData.jsonlRecords().forEach(r -> byId.put(r.get("identifier").asText(), r));
        // ecephys (silicon probes, Neuropixels, Utah arrays), ophys, behaviour only, iEEG,
        // hippocampal "sharp wave-ripples", HD-MEA + calcium imaging, Optopatch voltage imaging,
        // electroporation "membrane potential".
        for (String id : List.of("000003", "000004", "000041", "000055", "000061", "000128", "000218", "000223",
                "000233", "000397", "000448", "000469", "000568", "000574", "000626", "000678", "001266")) {
            Selection s = IcephysSelection.decide(DandisetVersion.fromJson(byId.get(id)));
            assertFalse(s.candidate(), id + " " + s.reason());
            assertEquals("no icephys type, technique or wording in the metadata", s.reason());
        }
    }

    private static DandisetVersion text(String name, String description, String... keywords) {
        return new DandisetVersion("999999", "draft", name, description, List.of(keywords), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    private static Selection decideText(String description) {
        return IcephysSelection.decide(text("A dataset", description));
    }

    @Test
    void wordingRulesUseWholeWordsAndAvoidLookAlikes() {
        assertEquals(new Selection(true, "description mentions \"whole-cell\""),
                decideText("In vivo whole-cell recordings from layer 2/3."));
        assertEquals("description mentions \"Whole cell\"", decideText("Whole cell patch in slices").reason());
        assertEquals("description mentions \"patch-clamped\"", decideText("Neurons were patch-clamped.").reason());
        assertEquals("description mentions \"intracellular recordings\"",
                decideText("Sharp intracellular recordings of motoneurons").reason());
        assertEquals("description mentions \"intracellular and extracellular electrophysiology\"",
                decideText("intracellular and extracellular electrophysiology recordings in barrel cortex").reason());
        assertEquals("description mentions \"current-clamp\"", decideText("Recorded in current-clamp mode.").reason());
        assertEquals("description mentions \"sharp electrodes\"", decideText("using sharp electrodes (80 MΩ)").reason());
        assertEquals("description mentions \"sharp microelectrode\"",
                decideText("a sharp microelectrode in the soma").reason());
        assertEquals("description mentions \"perforated patch\"", decideText("perforated patch, gramicidin").reason());
        assertEquals("keywords mention \"Patch-seq\"",
                IcephysSelection.decide(text("U01 upload", "September 2021", "human", "Patch-seq")).reason());
        assertEquals("name mentions \"patch-clamp\"",
                IcephysSelection.decide(text("UHN patch-clamp", "whole-cell", "patch-seq")).reason());

        for (String not : List.of(
                "Imaging of intracellular calcium in astrocytes.",
                "Intracellular calcium recordings with GCaMP6s.",
                "Extracellular recordings with Neuropixels probes.",
                "Juxtacellular recordings and labelling.",
                "Hippocampal sharp wave-ripples during sleep.",
                "Optopatch voltage imaging of dendrites.",
                "A dispatch-clamped wholesale cellular atlas.",
                "The whole cortex, cell by cell.",
                "Clamp-on headposts; patch of cortex removed.")) {
            assertFalse(decideText(not).candidate(), not);
        }
    }

    @Test
    void typesComeBeforeTechniquesBeforeWording() {
        DandisetVersion v = new DandisetVersion("1", "draft", "whole-cell", "patch-clamp", List.of(), List.of(),
                List.of(), List.of(), List.of("voltage clamp technique"),
                List.of("Units", "VoltageClampSeries", "IntracellularRecordingsTable"), List.of());
        assertEquals("variableMeasured has IntracellularRecordingsTable", IcephysSelection.decide(v).reason());
        DandisetVersion techniqueOnly = new DandisetVersion("1", "draft", "x", "y", List.of(), List.of(), List.of(),
                List.of(), List.of("analytical technique", "patch clamp technique"), List.of("ProcessingModule"), List.of());
        assertEquals(new Selection(true, "measurementTechnique mentions \"patch clamp\""),
                IcephysSelection.decide(techniqueOnly));
        DandisetVersion ecephys = new DandisetVersion("1", "draft", "x", "y", List.of(), List.of(), List.of(),
                List.of(), List.of("multi electrode extracellular electrophysiology recording technique"),
                List.of("ElectricalSeries", "Units"), List.of());
        assertTrue(!IcephysSelection.decide(ecephys).candidate());
    }
}
