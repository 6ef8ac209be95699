package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.api.WebhookDtos.CreatedWebhookView;
import org.bridgeway.referral.api.WebhookDtos.DeliveryView;
import org.bridgeway.referral.api.WebhookDtos.WebhookInput;
import org.bridgeway.referral.api.WebhookDtos.WebhookView;
import org.bridgeway.referral.domain.webhook.WebhookDetails;
import org.bridgeway.referral.domain.webhook.WebhookSubscriptions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals/webhooks")
@Tag(name = "referrals: webhooks")
@RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.ADMIN})
public class WebhookResource {

    private final WebhookSubscriptions webhooks;
    private final Caller caller;

    WebhookResource(WebhookSubscriptions webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Register an https endpoint for the organization's ReferralStatusChanged events (CloudEvents, "
                    + "signed per Standard Webhooks); the answer holds the signing secret, shown only this once")
    @APIResponse(
            responseCode = "201",
            description = "The subscription and its secret",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedWebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: the URL is not https, organizationId missing")
    @APIResponse(
            responseCode = "403",
            description = "Another organization than your own, or one without an agreement with your board")
    @APIResponse(responseCode = "409", description = "The organization has as many endpoints as allowed")
    public Response register(@NotNull @Valid WebhookInput input) {
        WebhookDetails.WithSecret created = webhooks.register(caller, WebhookMapper.command(input));
        return Response.created(URI.create(
                        "/api/v1/referrals/webhooks/" + created.webhook().id()))
                .entity(WebhookMapper.created(created))
                .build();
    }

    @GET
    @Operation(
            summary = "The webhooks you manage (a partner its own; a coordinator its board's partners'), with "
                    + "status, last error and next attempt")
    @APIResponse(responseCode = "200", description = "One page of subscriptions, without secrets")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameter")
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    public Page<WebhookView> list(
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("status") @Pattern(regexp = "active|failing", message = "must be active or failing")
                    String status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return webhooks.list(caller, organizationId, status, PageRequest.of(page, size))
                .map(WebhookMapper::view);
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "One webhook subscription, without its secret")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    @APIResponse(responseCode = "404", description = "No such webhook within your reach")
    public WebhookView get(@PathParam("webhookId") UUID webhookId) {
        return WebhookMapper.view(webhooks.get(caller, webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Remove the subscription and its queued deliveries")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    @APIResponse(responseCode = "404", description = "No such webhook within your reach")
    @APIResponse(responseCode = "503", description = "A delivery in flight did not end in time: try again")
    public Response delete(@PathParam("webhookId") UUID webhookId) {
        webhooks.delete(caller, webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{webhookId}/rotate")
    @Operation(
            summary = "A new signing secret, shown only in this answer; the previous one keeps signing beside it "
                    + "(two v1 signatures) until previousSecretValidUntil")
    @APIResponse(
            responseCode = "200",
            description = "The subscription and its new secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedWebhookView.class)))
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    @APIResponse(responseCode = "404", description = "No such webhook within your reach")
    @APIResponse(responseCode = "503", description = "The subscription is busy: try again")
    public CreatedWebhookView rotate(@PathParam("webhookId") UUID webhookId) {
        return WebhookMapper.created(webhooks.rotate(caller, webhookId));
    }

    @POST
    @Path("/{webhookId}/enable")
    @Operation(
            summary = "Re-enable a failing subscription: delivery resumes at the event it stopped at, with a fresh "
                    + "retry budget (an active one is answered as it is)")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, active",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    @APIResponse(responseCode = "404", description = "No such webhook within your reach")
    @APIResponse(responseCode = "503", description = "The subscription is busy: try again")
    public WebhookView enable(@PathParam("webhookId") UUID webhookId) {
        return WebhookMapper.view(webhooks.enable(caller, webhookId));
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(summary = "The delivery log, newest first: each event's attempts with status codes and times")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "Invalid paging parameter")
    @APIResponse(responseCode = "403", description = "Your token names no partner organization or board")
    @APIResponse(responseCode = "404", description = "No such webhook within your reach")
    public Page<DeliveryView> deliveries(
            @PathParam("webhookId") UUID webhookId,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return webhooks.deliveries(caller, webhookId, PageRequest.of(page, size))
                .map(WebhookMapper::delivery);
    }
}
