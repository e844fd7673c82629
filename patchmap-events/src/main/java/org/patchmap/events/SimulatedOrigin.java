package org.patchmap.events;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The truth of a simulated cell, as the archive that serves it states it in the asset's metadata
 * ({@code "simulated"}): the model type it was drawn from, the model, the seed and the values of
 * its parameters. Real cells have none. Part of {@link MetadataEvent}.
 *
 * @param type       the model type, lowercase words with underscores, e.g. "fast_spiking"
 * @param model      the simulator and model, e.g. "patchmap-sim single-compartment conductance-based neuron";
 *                   null when not stated
 * @param seed       the seed the cell was drawn with; null when not stated
 * @param parameters parameter name (with its unit in the name, e.g. "gNa_mS_cm2") to its value, in name order;
 *                   empty when none are stated
 */
public record SimulatedOrigin(String type, String model, Long seed, Map<String, Double> parameters) {
    /** A type: lowercase words with underscores, at most 40 characters. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** A parameter name: a letter, then letters, digits or underscores, at most 40 characters. */
    public static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    public static final int MAX_MODEL_CHARS = 200;
    public static final int MAX_PARAMETERS = 64;
    private static final String EVENT = Topics.METADATA;

    public SimulatedOrigin {
        Require.present(EVENT, "simulated.type", type);
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidEventException(EVENT + ": field 'simulated.type' must be lowercase words with"
                    + " underscores, at most 40 characters");
        }
        if (model != null) {
            if (model.isBlank() || model.length() > MAX_MODEL_CHARS || model.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidEventException(EVENT + ": field 'simulated.model' must be a text of 1 to "
                        + MAX_MODEL_CHARS + " characters without control characters");
            }
        }
        parameters = parameters == null ? Map.of() : parameters;
        if (parameters.size() > MAX_PARAMETERS) {
            throw new InvalidEventException(EVENT + ": field 'simulated.parameters' has " + parameters.size()
                    + " entries, at most " + MAX_PARAMETERS);
        }
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            if (p.getKey() == null || !PARAMETER_NAME.matcher(p.getKey()).matches()) {
                throw new InvalidEventException(EVENT + ": field 'simulated.parameters' has a name that is not a"
                        + " letter followed by up to 39 letters, digits or underscores");
            }
            if (p.getValue() == null || !Double.isFinite(p.getValue())) {
                throw new InvalidEventException(EVENT + ": field 'simulated.parameters." + p.getKey()
                        + "' must be a finite number, got " + p.getValue());
            }
        }
        // Name order: the same parameters give the same JSON, wherever they were read from.
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
}
