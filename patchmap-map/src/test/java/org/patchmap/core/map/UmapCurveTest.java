package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UmapCurveTest {
    /** umap-learn 0.5.3: python3 -c "from umap.umap_ import find_ab_params; print(find_ab_params(2.0, 0.1))". */
    @Test
    void aAndBAgreeWithUmapLearn() {
        UmapCurve map = UmapCurve.fit(0.1, 2.0);
        assertEquals(0.5446605403757238, map.a(), 1e-5);
        assertEquals(0.8420554264219823, map.b(), 1e-5);
        UmapCurve defaults = UmapCurve.fit(0.1, 1.0);
        assertEquals(1.5769434601962196, defaults.a(), 1e-5);
        assertEquals(0.8950608779914887, defaults.b(), 1e-5);
    }
}
