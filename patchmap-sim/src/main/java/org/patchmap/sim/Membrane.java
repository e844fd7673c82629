package org.patchmap.sim;

/**
 * The passive properties and channel densities of one single-compartment model neuron. The
 * compartment is a cylinder with length equal to its diameter (area π·d², as Pospischil et al.
 * 2008). Densities are in mS/cm², potentials in mV; a density of 0 leaves the channel out.
 *
 * @param diameterUm      compartment diameter = length, µm
 * @param capacitanceUfCm2 specific membrane capacitance, µF/cm²
 * @param gLeak           leak, mS/cm²
 * @param eLeak           leak reversal, mV
 * @param gNa             transient Na (Traub–Miles, m³h), mS/cm²
 * @param gKd             delayed rectifier K (Traub–Miles, n⁴), mS/cm²
 * @param vT              spike-threshold shift of the Na and Kd kinetics (Pospischil's V_T), mV
 * @param gKv3            fast, high-threshold Kv3-type K, mS/cm²
 * @param gA              A-type K with slow inactivation (a³b), mS/cm²
 * @param gM              M-type slow K (p), mS/cm²
 * @param tauMaxMMs       the M current's τ_max, ms
 * @param gH              HCN (Ih), mS/cm²
 * @param gT              T-type Ca (s∞²u), mS/cm²
 * @param vX              the T current's voltage shift (Pospischil's V_x), mV
 * @param gL              L-type (high-threshold) Ca (q²r), mS/cm²
 */
public record Membrane(double diameterUm, double capacitanceUfCm2, double gLeak, double eLeak, double gNa,
                       double gKd, double vT, double gKv3, double gA, double gM, double tauMaxMMs, double gH,
                       double gT, double vX, double gL) {
    public static final double E_NA = 50.0;
    public static final double E_K = -90.0;
    public static final double E_H = -40.0;
    /** Fixed Ca reversal, as in Pospischil et al. 2008's I_T and I_L. */
    public static final double E_CA = 120.0;

    /** Membrane area, cm². */
    public double areaCm2() {
        double dCm = diameterUm * 1e-4;
        return Math.PI * dCm * dCm;
    }

    /** Whole-cell capacitance, pF. */
    public double capacitancePf() {
        return capacitanceUfCm2 * areaCm2() * 1e6;
    }

    /** Leak-only input resistance, MΩ (the real one is lower where other channels are open at rest). */
    public double leakResistanceMohm() {
        return 1.0 / (gLeak * 1e-3 * areaCm2()) / 1e6;
    }
}
