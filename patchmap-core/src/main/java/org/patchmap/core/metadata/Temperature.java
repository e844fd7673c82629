package org.patchmap.core.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording temperature in °C and how far to trust it. A number ("34 ℃", "32-34 °C" → 33,
 * "33 ± 1 °C" → 33) is a measurement; a phrase is a convention, so it gets a lower confidence:
 * "room temperature" ≈ 22 °C, "physiological temperature" ≈ 35 °C, "near-physiological" ≈ 33 °C.
 *
 * @param celsius    the temperature, or the midpoint of a range
 * @param text       what it was read from
 * @param phrase     true when read from a phrase without a number
 * @param confidence 0..1 as the reading alone supports it (the extractor caps it by the source)
 */
public record Temperature(double celsius, String text, boolean phrase, double confidence) {
    static final double ROOM_C = 22;
    static final double PHYSIOLOGICAL_C = 35;
    static final double NEAR_PHYSIOLOGICAL_C = 33;
    /** Confidence of a phrase: labs mean 20–25 °C by "room" and 32–37 °C by "physiological". */
    static final double PHRASE_CONFIDENCE = 0.5;
    /** Outside this a number is a storage, slicing or fixation temperature, not a recording one. */
    static final double MIN_RECORDING_C = 10;
    static final double MAX_RECORDING_C = 45;

    static final String NUMBER = "[-−–]?\\d+(?:[.,]\\d+)?";
    /** A number, a range or a ± tolerance: group 1 the value, group 2 a range's upper end. */
    static final String VALUE = "(" + NUMBER + ")(?:\\s*(?:-|–|to)\\s*(\\d+(?:[.,]\\d+)?))?(?:\\s*(?:±|\\+/-|\\+-)\\s*\\d+(?:[.,]\\d+)?)?";
    static final String UNIT = "\\s*(?:°\\s*C|º\\s*C|˚\\s*C|℃|degrees?\\s*(?:C|Celsius|centigrade)|deg\\.?\\s*C)(?![a-zA-Z])";
    private static final Pattern FIELD = Pattern.compile(VALUE + "(?:" + UNIT + "|\\s*C(?![a-zA-Z]))?");
    static final Pattern ROOM = Pattern.compile("room[\\s-]+temperature", Pattern.CASE_INSENSITIVE);
    static final Pattern NEAR_PHYSIOLOGICAL = Pattern.compile("near[\\s-]+physiological(?:[\\s-]+temperatures?)?",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PHYSIOLOGICAL = Pattern.compile("physiological[\\s-]+temperatures?", Pattern.CASE_INSENSITIVE);

    /**
     * A temperature field as a file states it ("34 C", "34.0", "32-34 °C", "room temperature");
     * throws naming the text when it is none of these or lies outside 10–45 °C.
     */
    public static Temperature parse(String stated) {
        if (stated == null || stated.isBlank()) {
            throw new IllegalArgumentException("temperature " + quote(stated) + ": empty");
        }
        String s = stated.strip();
        Matcher m = FIELD.matcher(s);
        if (m.matches()) {
            double c = value(m);
            return inRange(c, s, false, 1.0).orElseThrow(() -> new IllegalArgumentException("temperature "
                    + quote(stated) + ": " + c + " °C is outside " + MIN_RECORDING_C + "–" + MAX_RECORDING_C
                    + " °C, not a recording temperature"));
        }
        return phrase(s).filter(t -> t.text().length() == s.length()).orElseThrow(() -> new IllegalArgumentException(
                "temperature " + quote(stated) + ": not a number of °C (34 C, 32-34 °C) nor room or physiological temperature"));
    }

    /** {@link #parse} without the exception: empty for garbage. */
    public static Optional<Temperature> tryParse(String stated) {
        try {
            return Optional.of(parse(stated));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The phrase form ("room temperature", "near-physiological", "physiological temperature") found in {@code text}. */
    static Optional<Temperature> phrase(String text) {
        Matcher m = NEAR_PHYSIOLOGICAL.matcher(text);
        if (m.find()) {
            return Optional.of(new Temperature(NEAR_PHYSIOLOGICAL_C, m.group(), true, PHRASE_CONFIDENCE));
        }
        m = PHYSIOLOGICAL.matcher(text);
        if (m.find()) {
            return Optional.of(new Temperature(PHYSIOLOGICAL_C, m.group(), true, PHRASE_CONFIDENCE));
        }
        m = ROOM.matcher(text);
        if (m.find()) {
            return Optional.of(new Temperature(ROOM_C, m.group(), true, PHRASE_CONFIDENCE));
        }
        return Optional.empty();
    }

    /** The value of a {@link #VALUE} match: the number or a range's midpoint. */
    static double value(Matcher m) {
        double low = number(m.group(1));
        return m.group(2) == null || m.group(2).isEmpty() ? low : (low + number(m.group(2))) / 2;
    }

    static Optional<Temperature> inRange(double c, String text, boolean phrase, double confidence) {
        return c >= MIN_RECORDING_C && c <= MAX_RECORDING_C
                ? Optional.of(new Temperature(c, text, phrase, confidence)) : Optional.empty();
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace('−', '-').replace('–', '-').replace(',', '.').toLowerCase(Locale.ROOT));
    }
}
