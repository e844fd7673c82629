package org.patchmap.core.recording.abf;

import org.patchmap.core.recording.Recording.SkippedSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Which channels make a sweep: the response is the first ADC channel in a voltage unit (mV, V);
 * the stimulus is the epoch waveform of the first DAC whose waveform is enabled with epochs as
 * its source and whose units are a current, else the first recorded ADC channel in a current unit
 * (ABF1 files driving the amplifier's external command in mV record Imemb instead). A file with
 * neither, or without a voltage channel, is not a current-clamp recording this reader can use.
 *
 * @param response        the membrane potential channel
 * @param responseToMv    factor from its units to mV
 * @param command         the command DAC, or null when the stimulus is recorded
 * @param recordedCurrent the recorded current channel, when there is no usable command
 * @param stimulusToPa    factor from the stimulus units to pA
 * @param skipped         channels seen and not used, with why
 */
record ChannelChoice(int responseIndex, AbfHeader.Adc response, double responseToMv, AbfHeader.Dac command,
                     int currentIndex, AbfHeader.Adc recordedCurrent, double stimulusToPa, List<SkippedSeries> skipped) {
    /**
     * Telegraph mode meaning voltage clamp. Only trusted for the telegraph instrument MultiClamp
     * (ABF2 nTelegraphInstrument 24: its five current-clamp files here say mode 1 = I-clamp, the
     * MultiClamp commander's numbering); another instrument (15, an Axopatch) says 0 in current clamp.
     */
    static final int TELEGRAPH_VOLTAGE_CLAMP = 0;

    static ChannelChoice choose(AbfHeader h) throws CorruptAbfException {
        List<AbfHeader.Adc> adcs = h.adcs();
        int response = -1;
        int current = -1;
        for (int i = 0; i < adcs.size(); i++) {
            if (response < 0 && !Double.isNaN(AbfScaling.toMillivolts(adcs.get(i).units()))) {
                response = i;
            }
            if (current < 0 && !Double.isNaN(AbfScaling.toPicoamperes(adcs.get(i).units()))) {
                current = i;
            }
        }
        if (response < 0) {
            throw new CorruptAbfException("no membrane potential channel (mV or V) among the recorded channels " + adcs
                    + ": voltage-clamp or not a current-clamp recording");
        }
        AbfHeader.Adc v = adcs.get(response);
        if (v.multiClampMode() == TELEGRAPH_VOLTAGE_CLAMP) {
            throw new CorruptAbfException("channel " + v + " was recorded with the MultiClamp telegraph in voltage clamp (mode 0): not a current-clamp recording");
        }
        AbfHeader.Dac command = null;
        List<SkippedSeries> skipped = new ArrayList<>();
        for (AbfHeader.Dac d : h.dacs()) {
            if (!d.epochsEnabled()) {
                continue;
            }
            if (command == null && !Double.isNaN(AbfScaling.toPicoamperes(d.units()))) {
                command = d;
            } else {
                skipped.add(new SkippedSeries("DAC '" + d.name() + "' (" + d.units() + ")",
                        command == null ? "epoch waveform not in a current unit: not used as the stimulus"
                                : "second epoch waveform: the stimulus is DAC '" + command.name() + "'"));
            }
        }
        if (command == null && current < 0) {
            throw new CorruptAbfException("no current stimulus: no epoch waveform in a current unit among the DACs "
                    + h.dacs().stream().filter(AbfHeader.Dac::epochsEnabled).map(d -> "'" + d.name() + "' (" + d.units() + ")").toList()
                    + " and no recorded current channel among " + adcs);
        }
        for (int i = 0; i < adcs.size(); i++) {
            if (i == response || (command == null && i == current)) {
                continue;
            }
            skipped.add(new SkippedSeries("ADC " + adcs.get(i), command != null && i == current
                    ? "recorded current: the stimulus is the command waveform of DAC '" + command.name() + "'"
                    : "not used: the response is " + v));
        }
        if (command != null) {
            return new ChannelChoice(response, v, AbfScaling.toMillivolts(v.units()), command, -1, null,
                    AbfScaling.toPicoamperes(command.units()), skipped);
        }
        AbfHeader.Adc i = adcs.get(current);
        return new ChannelChoice(response, v, AbfScaling.toMillivolts(v.units()), null, current, i,
                AbfScaling.toPicoamperes(i.units()), skipped);
    }
}
