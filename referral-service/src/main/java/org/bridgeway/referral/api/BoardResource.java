package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.api.BoardDtos.SettingsInput;
import org.bridgeway.referral.api.BoardDtos.SettingsView;
import org.bridgeway.referral.api.ReferralDtos.ReferralView;
import org.bridgeway.referral.domain.BoardSettings;
import org.bridgeway.referral.domain.BoardSettingsService;
import org.bridgeway.referral.domain.ReferralViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals/boards/{boardId}")
@Tag(name = "referrals: boards")
public class BoardResource {

    private final BoardSettingsService settings;
    private final ReferralViews referrals;
    private final Caller caller;

    BoardResource(BoardSettingsService settings, ReferralViews referrals, Caller caller) {
        this.settings = settings;
        this.referrals = referrals;
        this.caller = caller;
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "The board's dispatch, validation and SLA settings")
    @APIResponse(responseCode = "200", description = "The settings (defaults for a board never configured)")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    public SettingsView settings(@PathParam("boardId") String boardId) {
        return view(settings.settings(caller, boardId));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Set the board's dispatch (auto|manual), whether validation is required, the SLA and region")
    @APIResponse(responseCode = "200", description = "The settings now in force")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    public SettingsView update(@PathParam("boardId") String boardId, @NotNull @Valid SettingsInput input) {
        return view(settings.update(
                caller,
                boardId,
                new BoardSettings(
                        boardId,
                        input.dispatch(),
                        input.validationRequired(),
                        input.slaBusinessDays(),
                        input.region() == null || input.region().isBlank() ? boardId : input.region())));
    }

    @GET
    @Path("/referrals")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "The board's referrals, newest first, by status, school, partner organization and overdue")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameter")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    public Page<ReferralView> referrals(
            @PathParam("boardId") String boardId,
            @QueryParam("status")
                    @Pattern(
                            regexp =
                                    "requested|accepted|in-progress|on-hold|completed|rejected|cancelled|failed|expired")
                    String status,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return referrals
                .board(
                        caller,
                        boardId,
                        new ReferralViews.Filter(status, schoolId, organizationId, overdue),
                        PageRequest.of(page, size))
                .map(ReferralMapper::view);
    }

    private static SettingsView view(BoardSettings s) {
        return new SettingsView(s.boardId(), s.dispatch(), s.validationRequired(), s.slaBusinessDays(), s.region());
    }
}
