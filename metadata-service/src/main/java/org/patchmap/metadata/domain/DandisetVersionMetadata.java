package org.patchmap.metadata.domain;

import org.patchmap.core.metadata.DandisetMetadata;

import java.time.Instant;

/**
 * What one dandiset version's own metadata says, as extracted with one version of the region vocabulary.
 *
 * @param dandisetId        six-digit DANDI identifier
 * @param version           the dandiset version
 * @param vocabularyVersion the region vocabulary's version it was extracted with
 * @param facts             summary species, text region, age and temperature (and the model's answer when on)
 * @param extractedAt       when it was extracted
 */
public record DandisetVersionMetadata(String dandisetId, String version, String vocabularyVersion,
                                      DandisetMetadata facts, Instant extractedAt) {
}
