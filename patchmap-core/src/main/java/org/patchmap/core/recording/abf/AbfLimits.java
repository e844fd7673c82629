package org.patchmap.core.recording.abf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sanity limits and the checks both header parsers share: the operation mode, the sampling rate,
 * the sweep geometry and the data size, all checked against the file size before anything is
 * allocated from them.
 */
final class AbfLimits {
    static final int MAX_CHANNELS = 16;
    static final int MAX_DACS = 16;
    static final int MAX_EPOCHS = 50;
    /** Samples per channel over all sweeps (two double arrays of this many are allocated: 512 MB). */
    static final long MAX_SAMPLES_PER_CHANNEL = 32L << 20;
    static final int EPISODIC = 5;

    private AbfLimits() {
    }

    static AbfHeader header(String version, int operationMode, boolean floatData, long dataOffset, long dataSamples,
                            long episodes, long samplesPerEpisode, double intervalUs, double samplingRateHz,
                            List<AbfHeader.Adc> adcs, List<AbfHeader.Dac> dacs, String sessionStart, String protocolPath,
                            String guid, AbfBytes b) throws CorruptAbfException {
        int channels = adcs.size();
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new CorruptAbfException(channels + " recorded channels in the header: corrupt header");
        }
        switch (operationMode) {
            case EPISODIC:
                break;
            case 3:
                throw new CorruptAbfException("gap-free recording (operation mode 3): no fixed-length sweeps to read");
            case 1:
                throw new CorruptAbfException("event-driven variable-length recording (operation mode 1): no fixed-length sweeps");
            case 2:
            case 4:
                throw new CorruptAbfException("event-driven/oscilloscope recording (operation mode " + operationMode
                        + "): no stimulus protocol, only episodic stimulation (mode 5) is read");
            default:
                throw new CorruptAbfException("unknown operation mode " + operationMode + ": corrupt header");
        }
        if (!(intervalUs > 0) || !Double.isFinite(intervalUs) || !(samplingRateHz >= 1) || !(samplingRateHz <= 1e7)) {
            throw new CorruptAbfException("sampling interval " + intervalUs + " µs is not plausible: corrupt header");
        }
        if (samplesPerEpisode <= 0 || samplesPerEpisode % channels != 0) {
            throw new CorruptAbfException(samplesPerEpisode + " samples per sweep for " + channels
                    + " channel(s) is not usable: corrupt header");
        }
        if (episodes <= 0) {
            throw new CorruptAbfException("the header says the file has " + episodes + " sweeps");
        }
        long bytesPerSample = floatData ? 4 : 2;
        if (dataSamples <= 0 || dataSamples > (b.size() - Math.min(b.size(), Math.max(0, dataOffset))) / bytesPerSample) {
            throw new CorruptAbfException("data section (" + dataSamples + " samples at byte " + dataOffset
                    + ") lies past the end of the file (" + b.size() + " bytes): truncated or corrupt");
        }
        b.require(dataOffset, dataSamples * bytesPerSample, "data section");
        if (samplesPerEpisode > dataSamples || episodes > dataSamples / samplesPerEpisode) {
            throw new CorruptAbfException("the header says " + episodes + " sweeps of " + samplesPerEpisode
                    + " samples but the data section holds only " + dataSamples + " samples: truncated or corrupt");
        }
        long perChannel = episodes * (samplesPerEpisode / channels);
        if (perChannel > MAX_SAMPLES_PER_CHANNEL) {
            throw new CorruptAbfException(perChannel + " samples per channel: larger than this reader accepts ("
                    + MAX_SAMPLES_PER_CHANNEL + ")");
        }
        return new AbfHeader(version, operationMode, floatData, dataOffset, dataSamples, (int) episodes,
                (int) (samplesPerEpisode / channels), samplingRateHz, List.copyOf(adcs), List.copyOf(dacs), sessionStart,
                protocolPath, guid);
    }

    /** yyyymmdd (or yymmdd) + milliseconds since midnight as ISO 8601 local date-time; null when not a real date. */
    static String isoStart(long yyyymmdd, long msOfDay) {
        try {
            long year = yyyymmdd / 10000;
            if (year < 100) {
                year += year < 80 ? 2000 : 1900;
            }
            LocalDate date = LocalDate.of((int) year, (int) (yyyymmdd / 100 % 100), (int) (yyyymmdd % 100));
            if (msOfDay < 0 || msOfDay >= 86_400_000L) {
                return date.toString();
            }
            LocalDateTime t = LocalDateTime.of(date, LocalTime.ofNanoOfDay(msOfDay * 1_000_000L));
            return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
