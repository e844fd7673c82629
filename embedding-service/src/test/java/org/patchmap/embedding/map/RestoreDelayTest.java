package org.patchmap.embedding.map;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestoreDelayTest {
    @Test
    void restoreAttemptsBackOffToAMinuteAndStopAfterEight() {
        List<Long> waits = IntStream.range(1, LivingMap.RESTORE_ATTEMPTS)
                .mapToObj(a -> LivingMap.restoreDelay(a).toSeconds()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L), waits);
        assertEquals(Duration.ofMinutes(1), LivingMap.restoreDelay(40));
    }
}
