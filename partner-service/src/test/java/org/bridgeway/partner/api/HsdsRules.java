package org.bridgeway.partner.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules of the Open Referral HSDS 3.x schema that this export uses, written down from the specification:
 * required fields per object, the enums (service status, location and address types) and the formats (uuid,
 * email, uri, date-time, ISO codes). Collects every violation with its JSON path.
 */
final class HsdsRules {

    private static final Set<String> SERVICE_STATUS = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> LOCATION_TYPES = Set.of("physical", "postal", "virtual");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+");

    private final List<String> violations = new ArrayList<>();

    static List<String> page(JsonNode page, boolean services) {
        HsdsRules rules = new HsdsRules();
        for (String field : List.of("total_items", "total_pages", "page_number", "size")) {
            rules.require(page.path(field).isIntegralNumber(), "$." + field + " is an integer");
        }
        for (String field : List.of("first_page", "last_page", "empty")) {
            rules.require(page.path(field).isBoolean(), "$." + field + " is a boolean");
        }
        rules.require(page.path("contents").isArray(), "$.contents is an array");
        int i = 0;
        for (JsonNode item : page.path("contents")) {
            if (services) {
                rules.service(item, "$.contents[" + i++ + "]");
            } else {
                rules.organization(item, "$.contents[" + i++ + "]");
            }
        }
        return rules.violations;
    }

    static List<String> service(JsonNode service) {
        HsdsRules rules = new HsdsRules();
        rules.service(service, "$");
        return rules.violations;
    }

    static List<String> organization(JsonNode organization) {
        HsdsRules rules = new HsdsRules();
        rules.organization(organization, "$");
        return rules.violations;
    }

    private void service(JsonNode s, String at) {
        uuid(s, "id", at, true);
        text(s, "name", at, true);
        enumeration(s, "status", at, SERVICE_STATUS);
        uuid(s, "organization_id", at, false);
        format(s, "email", at, EMAIL);
        format(s, "url", at, URI);
        dateTime(s, "last_modified", at);
        number(s, "minimum_age", at);
        number(s, "maximum_age", at);
        if (s.has("organization")) {
            organization(s.get("organization"), at + ".organization");
        }
        each(s, "phones", at, (p, where) -> {
            uuid(p, "id", where, true);
            text(p, "number", where, true);
        });
        each(s, "languages", at, (l, where) -> {
            uuid(l, "id", where, true);
            format(l, "code", where, Pattern.compile("[a-z]{2,3}"));
        });
        each(s, "service_areas", at, (a, where) -> uuid(a, "id", where, true));
        each(s, "attributes", at, (a, where) -> {
            uuid(a, "id", where, true);
            uuid(a, "link_id", where, false);
            if (a.has("taxonomy_term")) {
                uuid(a.get("taxonomy_term"), "id", where + ".taxonomy_term", true);
                text(a.get("taxonomy_term"), "name", where + ".taxonomy_term", true);
            }
        });
        each(s, "service_at_locations", at, (sal, where) -> {
            uuid(sal, "id", where, true);
            uuid(sal, "service_id", where, false);
            uuid(sal, "location_id", where, false);
            if (sal.has("location")) {
                location(sal.get("location"), where + ".location");
            }
        });
    }

    private void organization(JsonNode o, String at) {
        uuid(o, "id", at, true);
        text(o, "name", at, true);
        require(o.path("description").isTextual(), at + ".description is required");
        format(o, "email", at, EMAIL);
        format(o, "website", at, URI);
        each(o, "phones", at, (p, where) -> {
            uuid(p, "id", where, true);
            text(p, "number", where, true);
        });
        each(o, "services", at, (s, where) -> service(s, where));
    }

    private void location(JsonNode l, String at) {
        uuid(l, "id", at, true);
        enumeration(l, "location_type", at, LOCATION_TYPES);
        if (l.has("latitude")) {
            require(
                    l.get("latitude").isNumber() && Math.abs(l.get("latitude").asDouble()) <= 90,
                    at + ".latitude in [-90, 90]");
        }
        if (l.has("longitude")) {
            require(
                    l.get("longitude").isNumber() && Math.abs(l.get("longitude").asDouble()) <= 180,
                    at + ".longitude in [-180, 180]");
        }
        each(l, "addresses", at, (a, where) -> {
            uuid(a, "id", where, true);
            for (String field : List.of("address_1", "city", "state_province", "postal_code")) {
                text(a, field, where, true);
            }
            format(a, "country", where, Pattern.compile("[A-Z]{2}"));
            require(a.has("country"), where + ".country is required");
            enumeration(a, "address_type", where, LOCATION_TYPES);
        });
    }

    private interface Check {
        void apply(JsonNode node, String at);
    }

    private void each(JsonNode parent, String field, String at, Check check) {
        if (!parent.has(field)) {
            return;
        }
        require(parent.get(field).isArray(), at + "." + field + " is an array");
        int i = 0;
        for (JsonNode item : parent.get(field)) {
            check.apply(item, at + "." + field + "[" + i++ + "]");
        }
    }

    private void uuid(JsonNode node, String field, String at, boolean required) {
        if (!node.has(field)) {
            require(!required, at + "." + field + " is required");
            return;
        }
        try {
            UUID.fromString(node.get(field).asText());
        } catch (IllegalArgumentException e) {
            violations.add(at + "." + field + " is not a uuid: " + node.get(field));
        }
    }

    private void text(JsonNode node, String field, String at, boolean required) {
        if (!node.has(field)) {
            require(!required, at + "." + field + " is required");
            return;
        }
        require(
                node.get(field).isTextual() && !node.get(field).asText().isBlank(),
                at + "." + field + " is non-empty text");
    }

    private void enumeration(JsonNode node, String field, String at, Set<String> allowed) {
        require(
                node.has(field) && allowed.contains(node.get(field).asText()),
                at + "." + field + " is one of " + allowed + ", was " + node.get(field));
    }

    private void format(JsonNode node, String field, String at, Pattern pattern) {
        if (node.has(field)) {
            require(
                    node.get(field).isTextual()
                            && pattern.matcher(node.get(field).asText()).matches(),
                    at + "." + field + " has the wrong format: " + node.get(field));
        }
    }

    private void dateTime(JsonNode node, String field, String at) {
        if (!node.has(field)) {
            return;
        }
        try {
            OffsetDateTime.parse(node.get(field).asText());
        } catch (RuntimeException e) {
            violations.add(at + "." + field + " is not an RFC 3339 date-time: " + node.get(field));
        }
    }

    private void number(JsonNode node, String field, String at) {
        if (node.has(field)) {
            require(node.get(field).isNumber(), at + "." + field + " is a number");
        }
    }

    private void require(boolean holds, String rule) {
        if (!holds) {
            violations.add(rule);
        }
    }
}
