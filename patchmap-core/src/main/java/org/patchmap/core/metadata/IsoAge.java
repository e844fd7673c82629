package org.patchmap.core.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age in days read from an ISO 8601 duration as DANDI and NWB files write it ({@code P60D},
 * {@code P147DT82800S}, {@code P7300.0D}, {@code P52.0Y}, {@code P8W}, {@code P1Y6M}), a range
 * {@code P56D/P84D} (the midpoint, the range kept), the neuroscientists' {@code P60} (postnatal
 * day 60) or "60 days". Years count 365.25 days, months 30.44.
 *
 * <p>Parsed here because {@link java.time.Period} takes neither fractions ({@code P7300.0D})
 * nor times ({@code T82800S}) and {@link java.time.Duration} takes no years or months.
 *
 * @param days    the age, or the midpoint of a range
 * @param minDays the range's lower end (= days for a single age)
 * @param maxDays the range's upper end (= days for a single age)
 * @param text    what it was read from
 */
public record IsoAge(double days, double minDays, double maxDays, String text) {
    static final double DAYS_PER_YEAR = 365.25;
    static final double DAYS_PER_MONTH = 30.44;
    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern DURATION = Pattern.compile("P(?!$)(?:" + NUMBER + "Y)?(?:" + NUMBER + "M)?(?:" + NUMBER + "W)?(?:"
            + NUMBER + "D)?(?:T(?=\\d)(?:" + NUMBER + "H)?(?:" + NUMBER + "M)?(?:" + NUMBER + "S)?)?");
    private static final Pattern POSTNATAL_DAY = Pattern.compile("P" + NUMBER);
    private static final Pattern DAYS = Pattern.compile(NUMBER + "\\s*(?:d|days?)");

    private static final java.util.regex.Pattern DASHED_RANGE =
            java.util.regex.Pattern.compile("(P[^-–\\s]+)\\s*[-–]\\s*(P[^-–\\s]+)");

    /** The age {@code text} states; throws naming the text when it is not one of the forms above. */
    public static IsoAge parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("age " + quote(text) + ": empty");
        }
        String s = text.strip();
        // ISO 8601 writes a range with '/'; NWB files also write "P20D-P90D" (Ferguson et al.).
        java.util.regex.Matcher dash = DASHED_RANGE.matcher(s);
        if (dash.matches()) {
            s = dash.group(1) + "/" + dash.group(2);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            double low = days(s.substring(0, slash), text);
            double high = days(s.substring(slash + 1), text);
            if (high < low) {
                throw new IllegalArgumentException("age " + quote(text) + ": the range ends before it starts");
            }
            return new IsoAge((low + high) / 2, low, high, text);
        }
        double d = days(s, text);
        return new IsoAge(d, d, d, text);
    }

    /** {@link #parse} without the exception: empty for garbage. */
    public static Optional<IsoAge> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether this is a range rather than one age. */
    public boolean isRange() {
        return maxDays > minDays;
    }

    private static double days(String part, String whole) {
        String s = part.strip().toUpperCase(Locale.ROOT);
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            return number(m.group(1)) * DAYS_PER_YEAR + number(m.group(2)) * DAYS_PER_MONTH
                    + number(m.group(3)) * 7 + number(m.group(4))
                    + (number(m.group(5)) * 3600 + number(m.group(6)) * 60 + number(m.group(7))) / 86400;
        }
        m = POSTNATAL_DAY.matcher(s);
        if (m.matches()) {
            return number(m.group(1));
        }
        m = DAYS.matcher(part.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return number(m.group(1));
        }
        throw new IllegalArgumentException("age " + quote(whole)
                + ": not an ISO 8601 duration (P60D, P147DT82800S, P2Y, P56D/P84D), P60 or \"60 days\"");
    }

    private static double number(String s) {
        return s == null ? 0 : Double.parseDouble(s.replace(',', '.'));
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
