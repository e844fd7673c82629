/**
 * The DANDI archive as PatchMap sees it, in plain Java: dandiset versions, the listing, assets
 * ({@link org.patchmap.core.dandi.DandisetVersion}, {@link org.patchmap.core.dandi.DandisetSummary},
 * {@link org.patchmap.core.dandi.DandiAsset}) and which dandisets are icephys
 * ({@link org.patchmap.core.dandi.IcephysSelection}). The HTTP client lives in ingest-service.
 */
package org.patchmap.core.dandi;
