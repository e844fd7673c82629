package org.patchmap.core.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StimulusKindTest {
    @Test
    void wireStringsAreTheJsonKinds() throws Exception {
        assertEquals(List.of("ramp", "short square", "noise", "chirp", "other protocol", "unknown"),
                Arrays.stream(StimulusKind.values()).map(StimulusKind::wire).toList());
        assertEquals("\"other protocol\"", new ObjectMapper().writeValueAsString(StimulusKind.OTHER_PROTOCOL));
        assertEquals("short square", StimulusKind.SHORT_SQUARE.toString());
    }
}
