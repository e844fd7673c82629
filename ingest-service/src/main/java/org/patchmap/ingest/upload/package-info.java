/**
 * Users' own files: an upload is checked (size, then format by its first bytes, not its name),
 * stored in the uploads directory within the disk budget, recorded in {@code uploads} and
 * published on {@code patchmap.assets} as an asset of source {@code upload}; extraction then
 * treats it as it treats a DANDI asset. Uploaded cells carry provenance source {@code upload}: they
 * never join the reference atlas unless an operator says so (embedding-service applies the rule).
 */
package org.patchmap.ingest.upload;
