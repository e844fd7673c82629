package org.patchmap.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchmap.ingest.poll.DandiPoller;
import org.patchmap.ingest.poll.PollMetrics;
import org.patchmap.ingest.poll.PollTrigger;
import org.patchmap.ingest.poll.RunSummary;
import org.patchmap.ingest.store.AssetLedger;
import org.patchmap.ingest.store.DandisetStore;

import java.util.List;
import java.util.Map;

/** The DANDI poll, for operators: run one now, see the last one and each dandiset's progress. */
@Path("/api")
@Tag(name = "dandi poll", description = "Discovery of icephys dandisets and their NWB assets")
public class PollResource {
    @Inject
    DandiPoller poller;

    @Inject
    DandisetStore dandisets;

    @Inject
    PollMetrics metrics;

    @Inject
    AssetLedger ledger;

    /**
     * @param running   whether a poll is under way ({@code current} then shows it)
     * @param backlog   assets published and not yet marked done in the asset ledger
     * @param dandisets every dandiset seen (selected first): decision, progress, last error
     * @param files     per dandiset, its files by extraction status (pending, extracted, no_family, ...)
     */
    @Schema(name = "PollStatus",
            description = "The DANDI poll: the one running, the last one, the backlog and each dandiset's progress")
    public record Status(boolean running, RunSummary current, RunSummary lastRun, long backlog,
                         List<DandisetStore.State> dandisets, Map<String, Map<String, Long>> files) {
    }

    @POST
    @Path("/admin/poll")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Polls DANDI now and answers the run's summary; 409 while a poll is running")
    @APIResponse(responseCode = "200", description = "The poll is over",
            content = @Content(schema = @Schema(implementation = RunSummary.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "409", description = "A poll is running: {\"error\", \"current\": its summary so far}")
    public Response poll() {
        return poller.runIfIdle(PollTrigger.REQUEST)
                .map(summary -> Response.ok(summary).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT)
                        .entity(Map.of("error", "a DANDI poll is already running",
                                "current", poller.current().map(Object.class::cast).orElse(Map.of())))
                        .type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last DANDI poll, the one running, the backlog and each dandiset's progress")
    public Status status() {
        RunSummary current = poller.current().orElse(null);
        return new Status(current != null, current, poller.last().orElse(null), metrics.backlog(), dandisets.all(),
                ledger.statusByDandiset());
    }
}
