/**
 * Extraction: one {@code patchmap.assets} record (a DANDI asset or an upload) becomes the cell's
 * long-square family on {@code patchmap.sweeps}, its traces in GridFS, and an outcome in the asset
 * ledger. The science is {@code org.patchmap.core.analysis.CellAnalysis}; this package fetches the
 * file within a disk budget, stores, publishes and records.
 */
package org.patchmap.ingest.extract;
