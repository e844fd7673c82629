package org.patchmap.embedding.atlas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The even-odd rule of {@link MapPolygon}, its boundary convention and its refusals. */
class MapPolygonTest {
    private static final MapPolygon SQUARE = MapPolygon.of(0, 0, 2, 0, 2, 2, 0, 2);

    @Test
    void aSquareHoldsItsInsideAndNotItsOutside() {
        assertTrue(SQUARE.contains(1, 1));
        assertTrue(SQUARE.contains(1.999, 0.001));
        assertFalse(SQUARE.contains(-0.001, 1));
        assertFalse(SQUARE.contains(1, 2.001));
        assertFalse(SQUARE.contains(3, 1));
        assertEquals(4, SQUARE.vertices());
    }

    @Test
    void aPointOnTheBoundaryGoesWithThePointJustRightAndAboveIt() {
        assertTrue(SQUARE.contains(0, 1), "left edge");
        assertTrue(SQUARE.contains(1, 0), "bottom edge");
        assertFalse(SQUARE.contains(2, 1), "right edge");
        assertFalse(SQUARE.contains(1, 2), "top edge");
        assertTrue(SQUARE.contains(0, 0), "bottom-left corner");
        assertFalse(SQUARE.contains(2, 0), "bottom-right corner");
        assertFalse(SQUARE.contains(0, 2), "top-left corner");
        assertFalse(SQUARE.contains(2, 2), "top-right corner");
        // two squares sharing the edge x = 2: each of its points belongs to exactly one of them
        MapPolygon right = MapPolygon.of(2, 0, 4, 0, 4, 2, 2, 2);
        for (double y = 0; y < 2; y += 0.25) {
            assertTrue(SQUARE.contains(2, y) ^ right.contains(2, y), "y " + y);
        }
        // a sloped edge: the hypotenuse of a triangle, whose right side is outside
        MapPolygon triangle = MapPolygon.of(0, 0, 4, 0, 0, 4);
        assertFalse(triangle.contains(2, 2));
        assertTrue(triangle.contains(1.999, 2));
    }

    @Test
    void theVertexOrderDoesNotMatter() {
        MapPolygon clockwise = MapPolygon.of(0, 2, 2, 2, 2, 0, 0, 0);
        for (double x = -0.5; x <= 2.5; x += 0.5) {
            for (double y = -0.5; y <= 2.5; y += 0.5) {
                assertEquals(SQUARE.contains(x, y), clockwise.contains(x, y), x + ", " + y);
            }
        }
    }

    @Test
    void aConcaveOrSelfCrossingPolygonFollowsTheEvenOddRule() {
        // an L: the notch (top right) is outside
        MapPolygon l = MapPolygon.of(0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2);
        assertTrue(l.contains(0.5, 1.5));
        assertTrue(l.contains(1.5, 0.5));
        assertFalse(l.contains(1.5, 1.5));
        // a bow tie (edges crossing at (1, 1)): both lobes inside, above and below the crossing outside
        MapPolygon bowTie = MapPolygon.of(0, 0, 2, 2, 2, 0, 0, 2);
        assertTrue(bowTie.contains(0.3, 1));
        assertTrue(bowTie.contains(1.7, 1));
        assertFalse(bowTie.contains(1, 1.7));
        assertFalse(bowTie.contains(1, 0.3));
        // a pentagram drawn in one stroke: its centre is wound twice, so even-odd leaves it out; a tip is in
        double[] star = new double[10];
        for (int k = 0; k < 5; k++) {
            double a = Math.PI / 2 + k * 4 * Math.PI / 5;
            star[2 * k] = Math.cos(a);
            star[2 * k + 1] = Math.sin(a);
        }
        MapPolygon pentagram = MapPolygon.of(star);
        assertFalse(pentagram.contains(0, 0));
        assertTrue(pentagram.contains(0, 0.8));
    }

    @Test
    void tooFewVerticesAnOddCountOrANonFiniteValueAreRefused() {
        assertEquals("5 numbers, not x,y pairs",
                assertThrows(IllegalArgumentException.class, () -> MapPolygon.of(0, 0, 1, 0, 1)).getMessage());
        assertEquals("2 vertices, at least 3 needed",
                assertThrows(IllegalArgumentException.class, () -> MapPolygon.of(0, 0, 1, 1)).getMessage());
        assertEquals("vertex 2 is (NaN, 0.0), not finite", assertThrows(IllegalArgumentException.class,
                () -> MapPolygon.of(0, 0, Double.NaN, 0, 1, 1)).getMessage());
    }
}
