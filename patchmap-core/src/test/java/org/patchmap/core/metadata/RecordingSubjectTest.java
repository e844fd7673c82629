package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.events.MetadataEvent.SourcedQuantity;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the real recordings state about their subject, through the extractor with nothing else
 * known (an uploaded file): the NWB subject is then the only structured source, in the forms the
 * converters wrote it ("transgenic mouse", "P20D-P90D", a JSON genotype, "NA").
 */
class RecordingSubjectTest {
    private static final MetadataExtractor EXTRACTOR = MetadataExtractor.standard();

    private static CellMetadata of(String file) throws Exception {
        return EXTRACTOR.extract(null, RecordingReader.read(SharedData.cell(file)).subject(), (DandisetVersion) null);
    }

    @Test
    void lantyer() throws Exception {
        CellMetadata m = of("LantyerEtAl2018_180817_ME_9_CC.nwb");
        assertEquals(new SourcedTerm("Mus musculus", "NCBITaxon:10090", "nwb", 1.0), m.species());
        assertEquals(new SourcedQuantity(105, "P105D", "nwb", 1.0), m.ageDays());
        assertEquals(new SourcedTerm("female", "PATO:0000383", "nwb", 1.0), m.sex());
        assertEquals("Pvalbtm1(cre)Arbr or Ssttm2.1(cre)Zjh", m.genotype().label());
        assertEquals("unknown", m.brainRegion().label());
    }

    @Test
    void fergusonStatesAPhraseAndADashedRange() throws Exception {
        CellMetadata m = of("FergusonEtAl2015_PYR2.nwb");
        assertEquals(new SourcedTerm("Mus musculus", "NCBITaxon:10090", "nwb", 0.9), m.species()); // "transgenic mouse"
        assertEquals(new SourcedQuantity(55, "P20D-P90D", "nwb", 1.0), m.ageDays());
        assertNull(m.sex(), "'Unspecified' is no sex");
        assertEquals("PV-tdTomato", m.genotype().label());
    }

    @Test
    void theRatStatesItsStrainAsJson() throws Exception {
        CellMetadata m = of("99111002.nwb");
        assertEquals(new SourcedTerm("Rattus norvegicus", "NCBITaxon:10116", "nwb", 1.0), m.species());
        assertNull(m.ageDays(), "'NA' is no age");
        assertEquals(new SourcedTerm("male", "PATO:0000384", "nwb", 1.0), m.sex());
        assertEquals(new SourcedTerm("Sprague Dawley", null, "nwb", 1.0), m.genotype());
    }

    @Test
    void anAbfFileStatesNoSubject() throws Exception {
        CellMetadata m = of("PYR2.abf");
        assertNull(m.species());
        assertNull(m.ageDays());
        assertNull(m.genotype());
    }
}
