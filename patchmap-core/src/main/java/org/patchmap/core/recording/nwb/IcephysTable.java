package org.patchmap.core.recording.nwb;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NWB 2.4+ IntracellularRecordingsTable (/general/intracellular_ephys/intracellular_recordings):
 * row k pairs the response of {@code responses/response} row k with the stimulus of
 * {@code stimuli/stimulus} row k. Each cell is a TimeSeriesReference, a compound of
 * (idx_start, count, timeseries object reference); jhdf gives the reference as the object's
 * address, which the caller resolves against the series it found. idx_start = -1 marks a missing
 * stimulus (NWB's convention for an optional cell).
 */
final class IcephysTable {
    private static final long MAX_ROWS = 1_000_000;

    /** One table row; a count of -1 means "the whole series". */
    record Row(long response, long responseStart, long responseCount, long stimulus, long stimulusStart,
               long stimulusCount) {
        boolean hasStimulus() {
            return stimulusStart >= 0;
        }
    }

    private IcephysTable() {
    }

    /** The table's rows; empty when the file has no such table. */
    static List<Row> read(Group root) throws BadNwbException {
        Group table = Hdf.childGroup(Hdf.childGroup(Hdf.childGroup(root, "general"), "intracellular_ephys"),
                "intracellular_recordings");
        if (table == null) {
            return List.of();
        }
        Column responses = column(Hdf.childDataset(Hdf.childGroup(table, "responses"), "response"));
        Column stimuli = column(Hdf.childDataset(Hdf.childGroup(table, "stimuli"), "stimulus"));
        if (responses == null) {
            return List.of();
        }
        int rows = responses.timeseries.length;
        List<Row> out = new ArrayList<>(rows);
        for (int k = 0; k < rows; k++) {
            boolean stim = stimuli != null && k < stimuli.timeseries.length;
            out.add(new Row(responses.timeseries[k], responses.start[k], responses.count[k],
                    stim ? stimuli.timeseries[k] : -1, stim ? stimuli.start[k] : -1, stim ? stimuli.count[k] : -1));
        }
        return out;
    }

    private record Column(long[] start, long[] count, long[] timeseries) {
    }

    private static Column column(Dataset d) throws BadNwbException {
        if (d == null) {
            return null;
        }
        if (d.getSize() > MAX_ROWS) {
            throw new BadNwbException("intracellular_recordings table has " + d.getSize() + " rows: larger than "
                    + "this reader accepts");
        }
        Object data = Hdf.data(d, 3);
        if (data instanceof Map<?, ?> m) {
            long[] ts = longs(m.get("timeseries"));
            long[] start = longs(m.get("idx_start"));
            long[] count = longs(m.get("count"));
            if (ts == null || start == null || count == null || start.length != ts.length || count.length != ts.length) {
                throw new BadNwbException(d.getPath() + ": TimeSeriesReference column without idx_start, count and "
                        + "timeseries fields of one length");
            }
            return new Column(start, count, ts);
        }
        // a plain column of object references: whole series
        long[] ts = longs(data);
        if (ts == null) {
            return null;
        }
        long[] start = new long[ts.length];
        long[] count = new long[ts.length];
        java.util.Arrays.fill(count, -1);
        return new Column(start, count, ts);
    }

    private static long[] longs(Object a) {
        if (a == null || !a.getClass().isArray()) {
            return null;
        }
        int n = Array.getLength(a);
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            Object x = Array.get(a, k);
            if (x instanceof BigInteger b) {
                out[k] = b.longValue();
            } else if (x instanceof Number num) {
                out[k] = num.longValue();
            } else {
                return null;
            }
        }
        return out;
    }
}
