package org.patchmap.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoAgeTest {
    private static final double EPS = 1e-9;

    @Test
    void durationsAsDandiWritesThem() {
        assertEquals(60, IsoAge.parse("P60D").days(), EPS);
        assertEquals(147 + 82800 / 86400.0, IsoAge.parse("P147DT82800S").days(), EPS);
        assertEquals(7300, IsoAge.parse("P7300.0D").days(), EPS);
        assertEquals(52 * 365.25, IsoAge.parse("P52.0Y").days(), EPS);
        assertEquals(56, IsoAge.parse("P8W").days(), EPS);
        assertEquals(730.5, IsoAge.parse("P2Y").days(), EPS);
        assertEquals(365.25 + 6 * 30.44, IsoAge.parse("P1Y6M").days(), EPS);
        assertEquals(10 + 12 / 24.0 + 30 / 1440.0, IsoAge.parse("P10DT12H30M").days(), EPS);
        assertEquals(7.5, IsoAge.parse("p7,5d").days(), EPS);
    }

    @Test
    void rangesKeepBothEnds() {
        IsoAge range = IsoAge.parse("P56D/P84D");
        assertEquals(70, range.days(), EPS);
        assertEquals(56, range.minDays(), EPS);
        assertEquals(84, range.maxDays(), EPS);
        assertTrue(range.isRange());
        assertFalse(IsoAge.parse("P56D").isRange());
        assertEquals("P56D/P84D", range.text());
        IsoAge dashed = IsoAge.parse("P20D-P90D"); // as FergusonEtAl2015's NWB files write it
        assertEquals(55, dashed.days(), EPS);
        assertEquals(20, dashed.minDays(), EPS);
        assertEquals(90, dashed.maxDays(), EPS);
        assertEquals("P20D-P90D", dashed.text());
    }

    @Test
    void postnatalDayAndDays() {
        assertEquals(60, IsoAge.parse("P60").days(), EPS);
        assertEquals(60, IsoAge.parse("60 days").days(), EPS);
        assertEquals(1, IsoAge.parse(" 1 day ").days(), EPS);
    }

    @Test
    void garbageNamesTheInput() {
        String forms = ": not an ISO 8601 duration (P60D, P147DT82800S, P2Y, P56D/P84D), P60 or \"60 days\"";
        assertEquals("age \"adult\"" + forms, message("adult"));
        assertEquals("age \"P\"" + forms, message("P"));
        assertEquals("age \"PT\"" + forms, message("PT"));
        assertEquals("age \"P60X\"" + forms, message("P60X"));
        assertEquals("age \"-P3D\"" + forms, message("-P3D"));
        assertEquals("age \"P84D/P56D\": the range ends before it starts", message("P84D/P56D"));
        assertEquals("age \"P56D/\"" + forms, message("P56D/"));
        assertEquals("age \"  \": empty", message("  "));
        assertEquals("age null: empty", message(null));
        assertEquals(Optional.empty(), IsoAge.tryParse("unknown"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> IsoAge.parse(text)).getMessage();
    }
}
