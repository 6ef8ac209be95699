package org.bridgeway.referral.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Declares every 4xx/5xx answer of referral-service as {@code application/problem+json} with the
 * Problem schema, and the 401 any authenticated call can get; resources name only their statuses.
 * (partner-service has the same need; a shared filter in platform-web would serve both.)
 */
public class ProblemContent implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        if (!operation.getResponses().hasAPIResponse("401")) {
            operation
                    .getResponses()
                    .addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.charAt(0) == '4' || status.charAt(0) == '5') {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        });
        return operation;
    }
}
