package org.patchmap.metadata.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchmap.events.SimulatedOrigin;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.patchmap.metadata.extract.SimulatedField.MODEL;
import static org.patchmap.metadata.extract.SimulatedField.PARAMETERS;
import static org.patchmap.metadata.extract.SimulatedField.SEED;
import static org.patchmap.metadata.extract.SimulatedField.SIMULATED;
import static org.patchmap.metadata.extract.SimulatedField.TYPE;
import static org.patchmap.metadata.extract.SimulatedRejection.INVALID_NAME;
import static org.patchmap.metadata.extract.SimulatedRejection.INVALID_TEXT;
import static org.patchmap.metadata.extract.SimulatedRejection.MISSING;
import static org.patchmap.metadata.extract.SimulatedRejection.NOT_AN_OBJECT;
import static org.patchmap.metadata.extract.SimulatedRejection.NOT_FINITE;
import static org.patchmap.metadata.extract.SimulatedRejection.TOO_MANY;
import static org.patchmap.metadata.extract.SimulatedRejection.WRONG_TYPE;

/**
 * Reads {@code assetMetadata.simulated}, which the archive of simulated recordings adds to each asset (real
 * DANDI assets have none), into a {@link SimulatedOrigin}. Anything outside the contract is not kept, with a
 * reason naming the field; the reason never repeats the offending text, which may be hostile. Parts the
 * contract does not know are ignored, so that the archive can add some.
 */
final class SimulatedOriginReader {
    static final String KEY = "simulated";
    /** How Jackson writes a non-finite double (as a text): such a value is not finite rather than a text. */
    private static final Set<String> NON_FINITE_TEXT = Set.of("NaN", "Infinity", "-Infinity", "+Infinity");

    private SimulatedOriginReader() {
    }

    static SimulatedReading read(JsonNode assetMetadata) {
        JsonNode s = assetMetadata == null ? null : assetMetadata.get(KEY);
        if (absent(s)) {
            return SimulatedReading.ABSENT;
        }
        if (!s.isObject()) {
            return SimulatedReading.rejected(SIMULATED, NOT_AN_OBJECT, "simulated is not an object");
        }
        JsonNode type = s.get("type");
        if (absent(type)) {
            return SimulatedReading.rejected(TYPE, MISSING, "simulated.type is missing");
        }
        if (!type.isTextual()) {
            return SimulatedReading.rejected(TYPE, WRONG_TYPE, "simulated.type is not a text");
        }
        if (!SimulatedOrigin.TYPE.matcher(type.textValue()).matches()) {
            return SimulatedReading.rejected(TYPE, INVALID_TEXT,
                    "simulated.type is not lowercase words with underscores of at most 40 characters");
        }
        String model = null;
        JsonNode m = s.get("model");
        if (!absent(m)) {
            if (!m.isTextual()) {
                return SimulatedReading.rejected(MODEL, WRONG_TYPE, "simulated.model is not a text");
            }
            model = m.textValue();
            if (model.isBlank() || model.length() > SimulatedOrigin.MAX_MODEL_CHARS
                    || model.chars().anyMatch(Character::isISOControl)) {
                return SimulatedReading.rejected(MODEL, INVALID_TEXT, "simulated.model is not 1 to "
                        + SimulatedOrigin.MAX_MODEL_CHARS + " characters without control characters");
            }
        }
        Long seed = null;
        JsonNode sd = s.get("seed");
        if (!absent(sd)) {
            if (!(sd.isIntegralNumber() && sd.canConvertToLong())) {
                return SimulatedReading.rejected(SEED, WRONG_TYPE, "simulated.seed is not a whole number");
            }
            seed = sd.longValue();
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        JsonNode ps = s.get("parameters");
        if (!absent(ps)) {
            if (!ps.isObject()) {
                return SimulatedReading.rejected(PARAMETERS, NOT_AN_OBJECT, "simulated.parameters is not an object");
            }
            if (ps.size() > SimulatedOrigin.MAX_PARAMETERS) {
                return SimulatedReading.rejected(PARAMETERS, TOO_MANY, "simulated.parameters has " + ps.size()
                        + " entries, at most " + SimulatedOrigin.MAX_PARAMETERS);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                String name = p.getKey();
                if (!SimulatedOrigin.PARAMETER_NAME.matcher(name).matches()) {
                    return SimulatedReading.rejected(PARAMETERS, INVALID_NAME, "simulated.parameters has a name"
                            + " that is not a letter followed by up to 39 letters, digits or underscores");
                }
                JsonNode v = p.getValue();
                boolean nonFiniteText = v.isTextual() && NON_FINITE_TEXT.contains(v.textValue());
                if (nonFiniteText || v.isNumber() && !Double.isFinite(v.doubleValue())) {
                    return SimulatedReading.rejected(PARAMETERS, NOT_FINITE,
                            "simulated.parameters." + name + " is not a finite number");
                }
                if (!v.isNumber()) {
                    return SimulatedReading.rejected(PARAMETERS, WRONG_TYPE,
                            "simulated.parameters." + name + " is not a number");
                }
                parameters.put(name, v.doubleValue());
            }
        }
        return SimulatedReading.of(new SimulatedOrigin(type.textValue(), model, seed, parameters));
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
