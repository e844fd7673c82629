/**
 * The NWB 2.x reader of spec section 1: {@link org.patchmap.core.recording.nwb.NwbReader} turns the
 * current-clamp sweeps of an NWB file (HDF5, read with the pure-Java jhdf library) into a
 * {@link org.patchmap.core.recording.Recording}: responses in mV paired with their stimuli in pA by
 * sweep number, the icephys tables, or natural name order, never by alphabetical position.
 */
package org.patchmap.core.recording.nwb;
