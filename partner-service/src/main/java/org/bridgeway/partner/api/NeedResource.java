package org.bridgeway.partner.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.bridgeway.partner.api.ServiceDtos.NeedView;
import org.bridgeway.partner.domain.NeedVocabulary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partners/needs")
@Tag(name = "partners: services and capacity")
public class NeedResource {

    private final NeedVocabulary needs;

    NeedResource(NeedVocabulary needs) {
        this.needs = needs;
    }

    @GET
    @Authenticated
    @Operation(summary = "The need codes services are tagged with (the instruments' vocabulary), with labels")
    @APIResponse(responseCode = "200", description = "Every need code, in display order")
    public List<NeedView> needs() {
        return needs.all().stream().map(ServiceMapper::view).toList();
    }
}
