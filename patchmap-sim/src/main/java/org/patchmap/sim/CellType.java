package org.patchmap.sim;

/**
 * The simulated cell types and their base membranes ({@link Membrane} field order: diameter µm,
 * C µF/cm², g_leak, E_leak, g_Na, g_Kd, V_T, g_Kv3, g_A, g_M, τ_max ms, g_H, g_T, V_x, g_L;
 * densities in mS/cm²).
 *
 * <p>The four Pospischil types take the values of Pospischil et al. 2008 (Biol Cybern 99:427–441)
 * and of the authors' published model code (ModelDB 123623): FS and RS the fits to cortical cells
 * in vitro (FS: d 56.9 µm, g_leak 0.038, E_leak −70.4, g_Na 58, g_Kd 3.9, V_T −57.9, g_M 0.0787,
 * τ_max 502 ms; RS: d 61.4 µm, g_leak 0.0205, E_leak −70.3, g_Na 56, g_Kd 6, V_T −56.2, g_M 0.075,
 * τ_max 608 ms); IB (d 96 µm, g_leak 0.01, E_leak −85, g_Na 50, g_Kd 5, V_T −55, g_M 0.03,
 * τ_max 1000 ms, g_L 0.17: "one burst, then RS") and LTS (d 89.2 µm, g_leak 0.01, g_Na 50, g_Kd 5,
 * V_T −55, g_M 0.03, g_T 0.4) the model code's. Values this project adds are marked in each
 * constant's comment.
 */
public enum CellType {
    /** Pospischil FS, plus a Kv3 current (added: the fast-spiking hallmark) for the narrow spike. */
    FAST_SPIKING(new Membrane(56.9, 1, 0.038, -70.4, 58, 3.9, -57.9, 20, 0, 0.0787, 502, 0, 0, 0, 0)),
    /** Pospischil RS: adaptation from I_M. */
    REGULAR_SPIKING(new Membrane(61.4, 1, 0.0205, -70.3, 56, 6, -56.2, 0, 0, 0.075, 608, 0, 0, 0, 0)),
    /**
     * Pospischil IB: the L-type Ca current drives a burst at the step's onset. Set here: g_L 0.15 and
     * g_M 0.15 (code: 0.17 and 0.03), as E_Ca is fixed and there is no Ca-activated K to end the
     * burst; the M current ends it instead.
     */
    INTRINSICALLY_BURSTING(new Membrane(96, 1, 0.01, -85, 50, 5, -55, 0, 0, 0.15, 1000, 0, 0, 0, 0.15)),
    /**
     * Pospischil LTS: the T-type Ca current gives a rebound burst after hyperpolarisation. Set here:
     * E_leak −75 (between the code's −85 for bursting and −60 for LTS) and V_x +6 mV, so that the
     * code's g_T 0.4 with a fixed E_Ca rebounds.
     */
    LOW_THRESHOLD_SPIKING(new Membrane(89.2, 1, 0.01, -75, 50, 5, -55, 0, 0, 0.03, 1000, 0, 0.4, 6, 0)),
    /** RS with a large HCN conductance (added, 0.05): large sag and rebound. */
    IH_RICH(new Membrane(61.4, 1, 0.0205, -70.3, 56, 6, -56.2, 0, 0, 0.075, 608, 0.05, 0, 0, 0)),
    /** RS with a slowly inactivating A-type K (added, 1.0; Golomb et al. 2007's form): long first-spike latency. */
    LATE_SPIKING(new Membrane(61.4, 1, 0.0205, -75, 56, 6, -56.2, 0, 1.0, 0.03, 608, 0, 0, 0, 0));

    private final Membrane base;

    CellType(Membrane base) {
        this.base = base;
    }

    /** The type's base membrane, before a cell's own variation. */
    public Membrane base() {
        return base;
    }
}
