package org.patchmap.metadata.extract;

/**
 * The parts of an asset's {@code simulated} metadata a rejection can name; {@link #wire()} is the
 * {@code field} label of {@code patchmap_metadata_simulated_rejected_total} and the name in the reason.
 */
enum SimulatedField {
    SIMULATED("simulated"),
    TYPE("simulated.type"),
    MODEL("simulated.model"),
    SEED("simulated.seed"),
    PARAMETERS("simulated.parameters");

    private final String wire;

    SimulatedField(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
