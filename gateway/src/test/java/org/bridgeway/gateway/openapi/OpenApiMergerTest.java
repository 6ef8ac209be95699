package org.bridgeway.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode doc(String path, String tag, String schemaName, String schemaType) throws Exception {
        return json.readTree("""
                {"openapi":"3.1.0","tags":[{"name":"%s"}],
                 "paths":{"%s":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/%s"}}}}}}}},
                 "components":{"schemas":{"%s":{"type":"%s"},"Shared":{"type":"string"}}}}
                """.formatted(tag, path, schemaName, schemaName, schemaType));
    }

    @Test
    void keepsEveryPathAndTagAndOneBearerScheme() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("screening-service", doc("/api/v1/screening/a", "screening", "A", "object"));
        docs.put("partner-service", doc("/api/v1/partners/b", "partners", "B", "object"));
        JsonNode merged = OpenApiMerger.merge(docs);
        assertTrue(merged.path("paths").has("/api/v1/screening/a"));
        assertTrue(merged.path("paths").has("/api/v1/partners/b"));
        assertEquals(2, merged.path("tags").size());
        assertEquals(
                "bearer",
                merged.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText());
        assertEquals(1, merged.path("components").path("securitySchemes").size());
        assertTrue(merged.path("components").path("schemas").has("Shared"), "identical schemas kept once");
    }

    @Test
    void differentSchemasWithOneNameArePrefixedAndTheirRefsFollow() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("screening-service", doc("/api/v1/screening/a", "s", "Page", "object"));
        docs.put("referral-service", doc("/api/v1/referrals/a", "r", "Page", "array"));
        JsonNode merged = OpenApiMerger.merge(docs);
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("object", schemas.path("Page").path("type").asText());
        assertEquals("array", schemas.path("Referral_Page").path("type").asText());
        String ref = merged.path("paths")
                .path("/api/v1/referrals/a")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText();
        assertEquals("#/components/schemas/Referral_Page", ref);
        assertFalse(schemas.has("Screening_Page"));
    }

    @Test
    void everyOperationDeclaresTheGatewaysOwnAnswersWithoutOverwritingTheServices() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("screening-service", json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/screening/a":{
                  "get":{"responses":{"200":{"description":"ok"},"503":{"description":"the service's own"}}},
                  "post":{"responses":{"201":{"description":"created"}}},
                  "parameters":[]}}}
                """));
        JsonNode merged = OpenApiMerger.merge(docs);
        JsonNode get =
                merged.path("paths").path("/api/v1/screening/a").path("get").path("responses");
        JsonNode post =
                merged.path("paths").path("/api/v1/screening/a").path("post").path("responses");
        for (String status : new String[] {"401", "429", "504"}) {
            assertEquals(
                    "#/components/schemas/Problem",
                    get.path(status)
                            .path("content")
                            .path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asText(),
                    status);
            assertTrue(post.has(status), status);
        }
        assertEquals("the service's own", get.path("503").path("description").asText());
        assertTrue(post.has("503"));
        assertTrue(merged.path("components").path("schemas").has("Problem"), "the referenced schema exists");
    }

    @Test
    void aPathServedTwiceIsAnError() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("screening-service", doc("/api/v1/x", "s", "A", "object"));
        docs.put("partner-service", doc("/api/v1/x", "p", "B", "object"));
        assertThrows(IllegalStateException.class, () -> OpenApiMerger.merge(docs));
    }
}
