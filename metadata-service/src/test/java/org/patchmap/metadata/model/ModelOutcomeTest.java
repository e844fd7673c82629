package org.patchmap.metadata.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outcome labels operators chart in {@code patchmap_model_calls_total{outcome}}. */
class ModelOutcomeTest {
    @Test
    void wireNamesAreTheMetricLabels() {
        assertEquals(List.of("answered", "no_answer", "malformed", "out_of_vocabulary", "timeout", "http_error"),
                Arrays.stream(ModelOutcome.values()).map(ModelOutcome::wire).toList());
    }
}
