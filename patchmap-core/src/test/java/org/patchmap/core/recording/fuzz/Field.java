package org.patchmap.core.recording.fuzz;

/**
 * A field of a file's structure that a reader trusts: a size, a count, an address or an offset,
 * {@code width} little-endian bytes at {@code offset}; {@code kind} says which structure it
 * belongs to ("local heap size", "dataspace dimension"...), for the fuzzer's report.
 */
record Field(int offset, int width, String kind) {
}
