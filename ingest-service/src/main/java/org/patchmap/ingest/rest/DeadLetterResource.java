package org.patchmap.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.ingest.messaging.DeadLetters;
import org.patchmap.messaging.replay.DeadLetterReplay;
import org.patchmap.messaging.replay.LetterAddress;
import org.patchmap.messaging.replay.LetterReplay;
import org.patchmap.messaging.replay.ReplayOutcome;
import org.patchmap.messaging.replay.StoredDeadLetter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every topic's dead letters, for operators: list them, send chosen ones back (docs/operations.md). */
@Path("/api/admin/dead-letters")
@Tag(name = "dead letters", description = "Records a service could not process, and their replay")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {
    static final int MAX_LIMIT = 1000;

    @Inject
    DeadLetters deadLetters;

    /**
     * One dead letter: where it is, where its record came from, and why it failed.
     *
     * @param truncated true when the letter holds only a prefix of the record: it cannot be replayed from it
     */
    @Schema(name = "DeadLetter")
    public record Letter(int dlqPartition, long dlqOffset, String topic, int partition, long offset, String key,
                         String service, String exceptionClass, String reason, Instant failedAt,
                         Long failedRecordBytes, boolean truncated) {
        static Letter of(StoredDeadLetter stored) {
            var l = stored.letter();
            return new Letter(stored.dlqPartition(), stored.dlqOffset(), l.topic(), l.partition(), l.offset(), l.key(),
                    l.service(), l.exceptionClass(), l.reason(), l.failedAt(), l.failedRecordBytes(), stored.truncated());
        }
    }

    /** @param topic the dead-letter topic and its latest letters, oldest first */
    @Schema(name = "DeadLetters")
    public record Listing(String topic, List<Letter> letters) {
    }

    /**
     * Which letters to replay: {@code offsets} of {@code topic} (with {@code partition}, or looked for in
     * every partition), and/or {@code letters} each with its partition and offset.
     */
    @Schema(name = "ReplayRequest")
    public record ReplayRequest(String topic, Integer partition, List<Long> offsets, List<LetterAddress> letters) {
        List<LetterAddress> addresses() {
            List<LetterAddress> all = new ArrayList<>();
            if (offsets != null) {
                offsets.forEach(o -> all.add(new LetterAddress(partition, o)));
            }
            if (letters != null) {
                all.addAll(letters);
            }
            return all;
        }
    }

    /** @param letters one answer per letter asked for, in the order asked */
    @Schema(name = "ReplayAnswer")
    public record ReplayAnswer(String topic, long replayed, long refused, List<LetterReplay> letters) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest dead letters of a topic (patchmap.sweeps or patchmap.sweeps.dlq)")
    @APIResponse(responseCode = "200", description = "The letters, oldest first",
            content = @Content(schema = @Schema(implementation = Listing.class)))
    @APIResponse(responseCode = "400", description = "No topic, or a limit out of 1..1000")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public Response list(@QueryParam("topic") String topic, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (topic == null || topic.isBlank()) {
            return ErrorBody.response(400, "name the topic: ?topic=patchmap.sweeps");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorBody.response(400, "limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        List<Letter> letters = deadLetters.list(topic, limit).stream().map(Letter::of).toList();
        return Response.ok(new Listing(DeadLetterReplay.dlqTopic(topic), letters)).build();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends chosen dead letters' records back to their topic under their key; "
            + "a truncated or mismatching letter is refused with the reason, the others are sent")
    @APIResponse(responseCode = "200", description = "One answer per letter: replayed (where to) or refused (why)",
            content = @Content(schema = @Schema(implementation = ReplayAnswer.class)))
    @APIResponse(responseCode = "400", description = "No topic or no letter named")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public Response replay(ReplayRequest request) {
        if (request == null || request.topic() == null || request.topic().isBlank()) {
            return ErrorBody.response(400, "name the dead-letter topic: {\"topic\": \"patchmap.sweeps.dlq\", "
                    + "\"offsets\": [3, 7]}");
        }
        List<LetterAddress> addresses = request.addresses();
        if (addresses.isEmpty()) {
            return ErrorBody.response(400, "name the letters to replay: \"offsets\" or \"letters\"");
        }
        List<LetterReplay> answers = deadLetters.replay(request.topic(), addresses);
        long replayed = answers.stream().filter(a -> a.outcome() == ReplayOutcome.REPLAYED).count();
        return Response.ok(new ReplayAnswer(DeadLetterReplay.dlqTopic(request.topic()), replayed,
                answers.size() - replayed, answers)).build();
    }
}
