/**
 * The optional language model: an OpenAI-compatible chat endpoint (hosted, or a local
 * Ollama/vLLM) asked, for JSON only, which vocabulary region and species a dandiset's text
 * describes. Off by default; never the only path. Its answer is used only when it parses and
 * names a term from the lists it was given: dandiset text is untrusted input, and an instruction
 * hidden in a description can at worst make the model pick another listed term or nothing.
 * Structured metadata always wins over the model (the caller's rule).
 */
package org.patchmap.metadata.model;
