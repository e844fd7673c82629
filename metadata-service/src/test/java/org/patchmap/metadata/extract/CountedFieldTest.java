package org.patchmap.metadata.extract;

import org.junit.jupiter.api.Test;
import org.patchmap.core.metadata.CellMetadata;
import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counted fields are the keys patchmap-core gives a cell's sources, and the metric's field labels. */
class CountedFieldTest {
    @Test
    void wireNamesAreTheKeysOfACellsSources() {
        SourcedTerm term = new SourcedTerm("x", null, "asset", 1.0);
        SourcedQuantity quantity = new SourcedQuantity(1, "1", "asset", 1.0);
        CellMetadata everything = new CellMetadata(term, new SourcedTerm("motor cortex", "MBA:500", "text", 0.9),
                quantity, term, term, quantity, "vocabulary-a", new SourcedTerm("Skinner Lab", null, "nwb", 1.0));

        assertEquals(List.copyOf(everything.sources().keySet()),
                Arrays.stream(CountedField.values()).map(CountedField::wire).toList());
    }
}
