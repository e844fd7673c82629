/**
 * The ABF 1.x/2.x (Axon pCLAMP/Clampex) reader of spec section 1: {@link org.patchmap.core.recording.abf.AbfReader}
 * turns an episodic current-clamp file into a {@link org.patchmap.core.recording.Recording} (response in mV,
 * stimulus in pA from the command epoch table or the recorded current). Hand-written from the public format
 * description: there is no maintained Java ABF library on Maven Central.
 */
package org.patchmap.core.recording.abf;
