package org.patchmap.embedding.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rebuild threshold grows with the atlas: 50 cells, or 2 % of the current map when that is more. */
class MapConfigTest {
    private static MapConfig config(int after, double fraction) {
        return new MapConfig() {
            public int recomputeAfter() {
                return after;
            }

            public double recomputeFraction() {
                return fraction;
            }

            public int keepVersions() {
                return 5;
            }

            public Duration debounce() {
                return Duration.ofSeconds(5);
            }

            public Duration maxWait() {
                return Duration.ofSeconds(60);
            }

            public long seed() {
                return 42;
            }

            public int epochs() {
                return 0;
            }

            public int neighbors() {
                return 150;
            }

            public Duration builderLeaseTtl() {
                return Duration.ofSeconds(30);
            }

            public Duration builderLeaseRenewEvery() {
                return Duration.ofSeconds(10);
            }

            public Duration followEvery() {
                return Duration.ofSeconds(10);
            }

            public String instanceId() {
                return "local";
            }
        };
    }

    @Test
    void theThresholdIsFiftyCellsUntilTwoPercentOfTheMapIsMore() {
        MapConfig defaults = config(50, 0.02);
        assertEquals(50, defaults.recomputeThreshold(0));
        assertEquals(50, defaults.recomputeThreshold(2500));
        assertEquals(51, defaults.recomputeThreshold(2501));
        assertEquals(200, defaults.recomputeThreshold(10_000));
        assertEquals(2000, defaults.recomputeThreshold(100_000));
        // a 10,000-cell backfill, one build per threshold: 50 builds of 50 cells up to 2,500, then
        // 2 % more each time (ln 4 / ln 1.02 = 70 builds); cells arriving during a build join the next
        int map = 0;
        int builds = 0;
        while (map < 10_000) {
            map = Math.min(10_000, map + defaults.recomputeThreshold(map));
            builds++;
        }
        assertEquals(120, builds);
    }
}
