package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every refusal of the API. */
@Schema(description = "Why the request was refused")
public record ApiError(@Schema(description = "a sentence naming the input and the cause") String error) {
}
