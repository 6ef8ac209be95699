package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.domain.report.ReportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening")
@Tag(name = "screening: reports")
public class ReportResource {

    private final ReportService reports;
    private final Caller caller;

    ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/boards/{boardId}/summary")
    @RolesAllowed({Roles.ANALYST, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Cohort summary: counts per band per domain and flagged, cells under 5 suppressed")
    public ReportDtos.CohortSummary summary(
            @PathParam("boardId") String boardId,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("grade") Integer grade,
            @QueryParam("instrument") @DefaultValue("needs-survey") String instrument,
            @QueryParam("version") @DefaultValue("1") int version) {
        return ReportMapper.view(reports.summary(caller, boardId, schoolId, grade, instrument, version));
    }

    @GET
    @Path("/boards/{boardId}/funnel")
    @RolesAllowed({Roles.ANALYST, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(
            summary =
                    "Program funnel for a period: screened, flagged, validated, hidden risk, referred, accepted, completed")
    public ReportDtos.Funnel funnel(
            @PathParam("boardId") String boardId,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate start = date("from", from, LocalDate.now().minusYears(1));
        LocalDate end = date("to", to, LocalDate.now());
        if (end.isBefore(start)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        return ReportMapper.view(reports.funnel(caller, boardId, schoolId, start, end));
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "not a date (yyyy-mm-dd)");
        }
    }
}
