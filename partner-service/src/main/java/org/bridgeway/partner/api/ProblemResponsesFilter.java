package org.bridgeway.partner.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response the operations declare is RFC 9457 problem+json with the Problem schema, and every
 * operation declares the 401 and 500 any authenticated call can get. Resources then name only their statuses.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String MEDIA_TYPE = "application/problem+json";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        addIfMissing(operation, "401", "No valid bearer token");
        addIfMissing(operation, "500", "Unexpected failure; the detail names an incident id found in the service log");
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        });
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, problem());
        }
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(status, response);
        }
    }

    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text, "message", text))
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors lists field-level failures")
                .properties(Map.of(
                        "type",
                        text,
                        "title",
                        text,
                        "status",
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail",
                        text,
                        "instance",
                        text,
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError)))
                .required(List.of("title", "status"));
    }
}
