package org.patchmap.ingest.extract;

import java.util.Map;

/** The extraction's test setting with a reader budget of 12 MiB per file (INGEST_READ_MAX_MEMORY). */
public class ReadBudgetTestResource extends ExtractionTestResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        config.put("patchmap.ingest.read-max-memory", "12M");
        return config;
    }
}
