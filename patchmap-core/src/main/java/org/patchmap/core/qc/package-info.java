/**
 * Spec features.md section 6: the physiological range QC of cell features
 * ({@link org.patchmap.core.qc.RangeQc}) and the 16 map-input features built from them
 * ({@link org.patchmap.core.qc.MapFeatures}).
 */
package org.patchmap.core.qc;
