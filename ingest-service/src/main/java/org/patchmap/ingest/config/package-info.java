/** Typed configuration of ingest-service ({@code patchmap.ingest.*}; the DANDI client's is {@code dandi.DandiConfig}). */
package org.patchmap.ingest.config;
