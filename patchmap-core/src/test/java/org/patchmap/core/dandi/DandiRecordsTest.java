package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DandisetVersion, DandisetSummary and DandiAsset read from the real metadata shapes. */
class DandiRecordsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void versionFromTheApiShape() {
        DandisetVersion v = DandisetVersion.fromJson(DandiTestData.versionJson("000008"));
        assertEquals("000008", v.identifier());
        assertEquals("draft", v.version());
        assertEquals("Phenotypic variation within and across transcriptomic cell types in mouse motor cortex", v.name());
        assertTrue(v.description().startsWith("We used Patch-seq to combine patch-clamp recording"));
        assertEquals(List.of("Patch-seq", "cortex", "motor cortex", "mouse"), v.keywords());
        assertEquals(List.of("spdx:CC-BY-4.0"), v.license());
        assertEquals(List.of("Mus musculus - House mouse"), v.species());
        assertEquals(List.of("electrophysiological approach"), v.approaches());
        assertEquals(List.of("current clamp technique"), v.measurementTechniques());
        assertEquals(List.of("CurrentClampStimulusSeries", "CurrentClampSeries"), v.variableMeasured());
        assertEquals(27, v.contributors().size());
        assertEquals("Scala, Federico", v.contributors().get(0));
        assertEquals("Intelligence Advanced Research Projects Activity", v.contributors().get(26));

        DandisetVersion human = DandisetVersion.fromJson(DandiTestData.versionJson("000630"));
        assertEquals(List.of("Human", "Homo sapiens - Human"), human.species());
        assertEquals(List.of("http://purl.obolibrary.org/obo/NCBITaxon_9606", "http://purl.obolibrary.org/obo/NCBITaxon_9606"),
                human.speciesIds());
        assertEquals(List.of("ProcessingModule", "VoltageClampSeries", "CurrentClampStimulusSeries",
                "VoltageClampStimulusSeries", "CurrentClampSeries"), human.variableMeasured());
    }

    @Test
    void versionFromTheSummaryCollectionShape() {
        JsonNode r = DandiTestData.jsonlRecords().get(0);
        DandisetVersion v = DandisetVersion.fromJson(r);
        assertEquals("000003", v.identifier());
        assertEquals("0.230629.1955", v.version());
        assertEquals("Physiological Properties and Behavioral Correlates of Hippocampal Granule Cells and Mossy Cells", v.name());
        assertEquals(List.of(), v.keywords());
        assertEquals(List.of(), v.license());
        assertEquals(List.of("House mouse"), v.species());
        assertEquals(List.of("http://purl.obolibrary.org/obo/NCBITaxon_10090"), v.speciesIds());
        assertEquals(List.of("DecompositionSeries", "LFP", "Units", "Position", "ElectricalSeries"), v.variableMeasured());
        assertEquals(7, v.contributors().size());
        assertEquals(List.of("electrophysiological approach", "behavioral approach"), v.approaches());
    }

    @Test
    void versionToleratesMissingAndOddFields() throws IOException {
        DandisetVersion empty = DandisetVersion.fromJson(MAPPER.readTree("{}"));
        assertNull(empty.identifier());
        assertNull(empty.name());
        assertEquals(List.of(), empty.keywords());
        assertEquals(List.of(), empty.variableMeasured());
        assertEquals(List.of(), empty.contributors());

        DandisetVersion odd = DandisetVersion.fromJson(MAPPER.readTree("""
                {"identifier": "DANDI:000297", "name": null, "keywords": "excitability",
                 "assetsSummary": {"variableMeasured": [{"value": "CurrentClampSeries"}, null, ""],
                                   "species": null, "measurementTechnique": [{"schemaKey": "x"}]},
                 "contributor": [{"name": "Howard, Derek"}, {"schemaKey": "Person"}]}"""));
        assertEquals("000297", odd.identifier());
        assertNull(odd.name());
        assertEquals(List.of("excitability"), odd.keywords());
        assertEquals(List.of("CurrentClampSeries"), odd.variableMeasured());
        assertEquals(List.of(), odd.species());
        assertEquals(List.of(), odd.speciesIds());
        assertEquals(List.of(), odd.measurementTechniques());
        assertEquals(List.of("Howard, Derek"), odd.contributors());
    }

    @Test
    void summaryFromTheListingShape() throws IOException {
        DandisetSummary s = DandisetSummary.fromJson(MAPPER.readTree("""
                {"identifier": "000008", "created": "2020-03-17T18:20:55.694000Z",
                 "modified": "2022-05-20T00:23:37.443945+00:00", "contact_person": "Tolias, Andreas Savas",
                 "embargo_status": "OPEN",
                 "draft_version": {"version": "draft", "name": "Phenotypic variation", "asset_count": 1328,
                                   "size": 11922334254, "status": "Valid",
                                   "created": "2020-03-17T18:20:55.694000Z", "modified": "2022-05-20T00:23:37Z"},
                 "most_recent_published_version": {"version": "0.211014.0809", "name": "Phenotypic variation",
                                   "asset_count": 1328, "size": 11922334254, "status": "Published",
                                   "modified": "2021-10-14T08:09:00Z"}}"""));
        assertEquals("000008", s.identifier());
        assertEquals(Instant.parse("2022-05-20T00:23:37.443945Z"), s.modified());
        assertEquals(new DandisetSummary.VersionInfo("draft", "Phenotypic variation", 1328, 11922334254L, "Valid",
                Instant.parse("2022-05-20T00:23:37Z")), s.draft());
        assertEquals("0.211014.0809", s.mostRecentPublished().version());
        assertEquals("0.211014.0809", s.preferredVersion().version());

        DandisetSummary unpublished = DandisetSummary.fromJson(MAPPER.readTree("""
                {"identifier": "000020", "modified": "not a date", "most_recent_published_version": null,
                 "draft_version": {"version": "draft", "asset_count": 4435}}"""));
        assertNull(unpublished.modified());
        assertNull(unpublished.mostRecentPublished());
        assertEquals("draft", unpublished.preferredVersion().version());
        assertEquals(4435, unpublished.draft().assetCount());
    }

    @Test
    void assetFromTheRealListing() throws IOException {
        JsonNode first = MAPPER.readTree(DandiTestData.dir().resolve("000008/assets.json").toFile()).get(0);
        DandiAsset a = DandiAsset.fromJson(first);
        assertEquals("a3acc7ac-c3c7-46a8-ad06-8d592a9d9a1f", a.assetId());
        assertEquals("sub-mouse-AAYYT/sub-mouse-AAYYT_ses-20180420-sample-2_slice-20180420-slice-2_cell-20180420-sample-2_icephys.nwb", a.path());
        assertEquals(9337840, a.size());
        assertEquals(Instant.parse("2022-05-20T00:23:37.443945Z"), a.modified());
        assertEquals("f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", a.sha256());
        assertTrue(a.isNwb());

        DandiAsset bare = DandiAsset.fromJson(MAPPER.readTree(
                "{\"asset_id\": \"x\", \"path\": \"dataset_description.json\", \"size\": 12}"));
        assertNull(bare.metadata());
        assertNull(bare.sha256());
        assertEquals(false, bare.isNwb());
        assertEquals(a.sha256(), bare.withMetadata(first.get("metadata")).sha256());
    }
}
