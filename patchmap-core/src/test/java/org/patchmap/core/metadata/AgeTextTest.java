package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ages stated in real dandiset descriptions (quoted from dandiset-metadata.jsonl) and the usual forms. */
class AgeTextTest {
    private static final double EPS = 1e-9;

    @Test
    void realDescriptions() {
        var records = MetadataTestData.records();
        assertAge(78, 75, 81, "postnatal days P75 to P81", records.get("000402").description());
        assertAge(16, 11, 21, "P11 to P21", records.get("001349").description());
        assertAge(8.5, 5, 12, "5 and 12 days postnatal", records.get("000219").description());
        assertAge(5.5 * 30.44, 4 * 30.44, 7 * 30.44, "4-7 months of age", records.get("000041").description());
        // "adult mouse motor cortex" states no number.
        assertEquals(Optional.empty(), AgeText.find(records.get("000008").description()));
    }

    @Test
    void usualForms() {
        assertAge(28, 21, 35, "P21-P35", "Whole-cell recordings from P21-P35 mice.");
        assertAge(28, 21, 35, "P21–35", "slices of P21–35 rats");
        assertAge(14, 14, 14, "P14 mice", "acute slices from P14 mice");
        assertAge(56, 56, 56, "8-week-old", "8-week-old C57BL/6J males");
        assertAge(30 * 365.25, 30 * 365.25, 30 * 365.25, "30 years old", "a patient, 30 years old");
        assertEquals(Optional.empty(), AgeText.find("adult and aged mice"));
        assertEquals(Optional.empty(), AgeText.find("protein P53 and layer 2/3"));
        assertEquals(Optional.empty(), AgeText.find(null));
    }

    private static void assertAge(double days, double min, double max, String text, String in) {
        IsoAge age = AgeText.find(in).orElseThrow(() -> new AssertionError("no age in: " + in));
        assertEquals(days, age.days(), EPS);
        assertEquals(min, age.minDays(), EPS);
        assertEquals(max, age.maxDays(), EPS);
        assertEquals(text, age.text());
    }
}
