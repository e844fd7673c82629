package org.patchmap.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.sim.CellType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo corpus: its plan, and the folder of dandisets the local archive serves. */
class DemoCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void apportionGivesExactCountsByLargestRemainder() {
        assertArrayEquals(new int[] {4, 3, 3}, DemoCorpus.apportion(10, new int[] {1, 1, 1}));
        assertArrayEquals(new int[] {5, 3, 2}, DemoCorpus.apportion(10, new int[] {5, 3, 2}));
        assertArrayEquals(new int[] {1, 0}, DemoCorpus.apportion(1, new int[] {1, 1}));
        // shares 4:3:3:2:2:2 of 2,000 cells
        assertArrayEquals(new int[] {500, 375, 375, 250, 250, 250},
                DemoCorpus.apportion(2000, DemoLabs.ALL.stream().mapToInt(DemoLab::share).toArray()));
    }

    @Test
    void thePlanOf2000CellsHasEveryTypeInTheLabsProportions() {
        List<DemoCell> plan = DemoCorpus.plan(2000, 1);
        assertEquals(2000, plan.size());
        Map<String, Long> perLab = plan.stream().collect(Collectors.groupingBy(c -> c.lab().dandisetId(),
                Collectors.counting()));
        assertEquals(Map.of("990001", 500L, "990002", 375L, "990003", 375L, "990004", 250L, "990005", 250L,
                "990006", 250L), perLab);
        // lab 990001: FS 5, LTS 3, LS 2 of 10 → 250, 150, 100 of its 500 cells
        Map<CellType, Long> lab1 = DemoCorpus.typeCounts(plan.stream()
                .filter(c -> c.lab().dandisetId().equals("990001")).toList());
        assertEquals(Map.of(CellType.FAST_SPIKING, 250L, CellType.LOW_THRESHOLD_SPIKING, 150L,
                CellType.LATE_SPIKING, 100L), lab1);
        assertEquals(CellType.values().length, DemoCorpus.typeCounts(plan).size());
        assertEquals(2000, plan.stream().map(DemoCell::path).distinct().count(), "paths are unique");
        assertEquals(500 / DemoCorpus.CELLS_PER_SUBJECT, plan.stream()
                .filter(c -> c.lab().dandisetId().equals("990001")).map(DemoCell::subjectId).distinct().count());
    }

    @Test
    void thePlanDependsOnlyOnTheNumberAndTheSeed() {
        List<DemoCell> a = DemoCorpus.plan(60, 7);
        List<DemoCell> b = DemoCorpus.plan(60, 7);
        assertEquals(a, b);
        assertNotEquals(a, DemoCorpus.plan(60, 8));
    }

    @Test
    void writesDandisetsThatSaySimulatedWithTheTruthPerAssetAndIdenticalBytesEachTime(@TempDir Path dir)
            throws Exception {
        int n = 7; // one or two cells per lab: every layout
        List<DemoArchiveWriter.WrittenCell> first = DemoArchiveWriter.write(dir.resolve("a"), n, 3, 2, done -> { });
        List<DemoArchiveWriter.WrittenCell> second = DemoArchiveWriter.write(dir.resolve("b"), n, 3, 1, done -> { });
        assertEquals(n, first.size());
        assertTrue(DemoArchiveWriter.isComplete(dir.resolve("a"), n, 3));
        assertFalse(DemoArchiveWriter.isComplete(dir.resolve("a"), n, 4));
        List<String> manifest = Files.readAllLines(dir.resolve("a").resolve(DemoArchiveWriter.MANIFEST));
        assertEquals(DemoArchiveWriter.MANIFEST_HEADER, manifest.get(0));
        assertEquals(n + 1, manifest.size());
        assertEquals(manifest, Files.readAllLines(dir.resolve("b").resolve(DemoArchiveWriter.MANIFEST)),
                "same cells, same digests, whatever the threads");
        for (int k = 0; k < n; k++) {
            DemoArchiveWriter.WrittenCell w = first.get(k);
            DemoCell c = w.cell();
            Path folder = dir.resolve("a").resolve(c.lab().dandisetId());
            Path file = folder.resolve(c.path());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(dir.resolve("b")
                    .resolve(c.lab().dandisetId()).resolve(c.path())), c.path());
            assertEquals(w.bytes(), Files.size(file));

            JsonNode dandiset = JSON.readTree(folder.resolve("dandiset.json").toFile());
            assertTrue(dandiset.get("name").asText().endsWith("(simulated recordings, not real cells)"));
            assertTrue(dandiset.get("description").asText().startsWith("SIMULATED DATA, NOT REAL RECORDINGS."));
            JsonNode asset = JSON.readTree(folder.resolve("assets.json").toFile()).get(c.path());
            assertEquals(c.cell().type().name().toLowerCase(java.util.Locale.ROOT),
                    asset.at("/simulated/type").asText());
            assertEquals(c.conditions().seed(), asset.at("/simulated/seed").asLong());
            assertEquals(c.cell().membrane().gNa(), asset.at("/simulated/parameters/gNa_mS_cm2").asDouble());
            assertEquals(c.lab().species().name(), asset.at("/wasAttributedTo/0/species/name").asText());
            assertEquals("P" + c.ageDays() + "D", asset.at("/wasAttributedTo/0/age/value").asText());

            // PatchMap reads the file back to the recording's long-square family and features
            Recording read = RecordingReader.read(file);
            Recording simulated = DemoArchiveWriter.record(c);
            // the invented lab's name is in the file, where metadata-service reads a real lab's
            assertEquals(c.lab().name(), read.subject().lab(), c.path());
            assertTrue(read.subject().lab().startsWith("Simulated "), c.path());
            assertNull(read.subject().institution());
            assertEquals(simulated.sweeps().size(), read.sweeps().size(), c.path());
            assertEquals(CellAnalysis.family(simulated).sweeps().size(), CellAnalysis.family(read).sweeps().size(),
                    c.path());
        }
        assertEquals(6, DemoLabs.ALL.stream().map(DemoLab::name).distinct().count(), "six labs, six names");
        assertEquals(List.of("mies", "pynwb-sweep-table", "mies", "neuroconv-abf", "mies", "neuroconv-abf"),
                manifest.stream().skip(1).map(l -> l.split("\t")).collect(Collectors.toMap(f -> f[0], f -> f[4],
                        (x, y) -> x, java.util.TreeMap::new)).values().stream().toList());
    }
}
