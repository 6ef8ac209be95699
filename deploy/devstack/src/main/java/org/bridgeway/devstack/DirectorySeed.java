package org.bridgeway.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The demo's partner directory, seeded through the gateway: a dozen agencies across every need code of the
 * instrument, a shelter whose address is confidential, varied capacity, languages and service areas, and
 * data-sharing agreements with the demo board (one long expired, one still a draft). Organization ids are
 * fixed, so the demo partner token can name its organization before the seed runs.
 */
public final class DirectorySeed {

    /** The organization of the demo partner token ({@code org} claim). */
    public static final String DEMO_YOUTH_SERVICES =
            organizationId("demo-youth-services").toString();

    /**
     * A call through the gateway: method, path, the role whose demo token to use, JSON body or null, expected
     * status; answers the response body. JSON travels as text, so a test may run the seed from another class loader.
     */
    @FunctionalInterface
    public interface Api {
        String call(String method, String path, String role, String body, int expected)
                throws IOException, InterruptedException;
    }

    private record Offer(
            String name,
            String needs,
            String languages,
            String areas,
            int minAge,
            int maxAge,
            Integer available,
            Integer maximum,
            String waitlist,
            String status) {}

    /** scopes empty = no agreement; validTo "" = open-ended. */
    private record Agency(
            String slug,
            String name,
            String street,
            String scopes,
            String validFrom,
            String validTo,
            String agreementStatus,
            List<Offer> offers) {}

    private static final String SCHOOLS = DemoSeed.SCHOOL + ",demo-school-2";
    private static final List<Agency> AGENCIES = List.of(
            new Agency(
                    "demo-youth-services",
                    "Demo Youth Services",
                    "210 Bernard Ave",
                    "screening-summary,identity,contact",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(
                            new Offer(
                                    "Family mediation",
                                    "family-support,housing",
                                    "en,fr",
                                    SCHOOLS,
                                    11,
                                    19,
                                    4,
                                    10,
                                    "none",
                                    "active"),
                            new Offer(
                                    "Youth housing outreach",
                                    "housing",
                                    "en,fr",
                                    SCHOOLS + ",region-central",
                                    12,
                                    21,
                                    1,
                                    6,
                                    "under-1-month",
                                    "active"))),
            new Agency(
                    "safe-harbour",
                    "Safe Harbour Youth Shelter",
                    null,
                    "screening-summary,identity",
                    "2025-09-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "Emergency youth beds",
                            "housing,family-support",
                            "en",
                            SCHOOLS + ",region-central",
                            13,
                            24,
                            2,
                            12,
                            "none",
                            "active"))),
            new Agency(
                    "okanagan-health",
                    "Okanagan Community Health",
                    "1340 Ellis St",
                    "screening-summary",
                    "2026-01-01",
                    "2027-06-30",
                    "active",
                    List.of(
                            new Offer(
                                    "Youth counselling",
                                    "mental-health",
                                    "en,pa",
                                    SCHOOLS,
                                    11,
                                    19,
                                    0,
                                    20,
                                    "1-3-months",
                                    "active"),
                            new Offer(
                                    "Peer support group",
                                    "mental-health,mentoring",
                                    "en",
                                    SCHOOLS,
                                    13,
                                    19,
                                    6,
                                    15,
                                    "none",
                                    "active"))),
            new Agency(
                    "food-share",
                    "Food Share Network",
                    "88 Leon Ave",
                    "screening-summary",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "School breakfast and food hampers",
                            "food-security",
                            "en,fr,es",
                            SCHOOLS + ",region-west",
                            5,
                            19,
                            40,
                            60,
                            "none",
                            "active"))),
            new Agency(
                    "valley-mentoring",
                    "Valley Mentoring Partners",
                    "455 Harvey Ave",
                    "screening-summary,identity",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "One-to-one mentoring",
                            "mentoring",
                            "en",
                            SCHOOLS,
                            9,
                            17,
                            3,
                            25,
                            "over-3-months",
                            "active"))),
            new Agency(
                    "stay-in-school",
                    "Stay in School Alliance",
                    "1020 Richter St",
                    "screening-summary",
                    "2024-09-01",
                    "2025-06-30",
                    "active",
                    List.of(new Offer(
                            "Attendance coaching and tutoring",
                            "school-engagement",
                            "en,fr",
                            SCHOOLS,
                            12,
                            18,
                            10,
                            30,
                            "none",
                            "active"))),
            new Agency(
                    "family-connections",
                    "Family Connections Centre",
                    "1567 Pandosy St",
                    "screening-summary,identity,contact",
                    "2026-02-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "Parenting support and family counselling",
                            "family-support,mental-health",
                            "en,pa,hi",
                            SCHOOLS,
                            10,
                            19,
                            5,
                            12,
                            "under-1-month",
                            "active"))),
            new Agency(
                    "wellness-circle",
                    "Indigenous Youth Wellness Circle",
                    "3100 Lakeshore Rd",
                    "screening-summary",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "Cultural mentoring and land-based wellness",
                            "mentoring,mental-health",
                            "en",
                            SCHOOLS + ",region-west",
                            10,
                            19,
                            8,
                            20,
                            "none",
                            "active"))),
            new Agency(
                    "housing-first",
                    "Youth Housing First",
                    "777 Clement Ave",
                    "screening-summary,identity",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "Supported youth apartments",
                            "housing",
                            "en",
                            "region-central,demo-school-1",
                            16,
                            24,
                            0,
                            8,
                            "over-3-months",
                            "active"))),
            new Agency(
                    "newcomer-hub",
                    "Newcomer Youth Hub",
                    "590 KLO Rd",
                    "screening-summary",
                    "2026-01-01",
                    "",
                    "active",
                    List.of(new Offer(
                            "Settlement and school support",
                            "school-engagement,family-support",
                            "en,ar,fa,uk",
                            SCHOOLS,
                            11,
                            19,
                            7,
                            15,
                            "none",
                            "active"))),
            new Agency(
                    "rec-collective",
                    "Campus Recreation Collective",
                    "1060 Cawston Ave",
                    "screening-summary",
                    "2026-12-01",
                    "",
                    "draft",
                    List.of(new Offer(
                            "After-school program",
                            "mentoring,school-engagement",
                            "en",
                            SCHOOLS,
                            10,
                            16,
                            0,
                            40,
                            "under-1-month",
                            "temporarily-closed"))),
            new Agency(
                    "harvest-kitchen",
                    "Harvest Kitchen",
                    "1265 Ellis St",
                    "",
                    "",
                    "",
                    "",
                    List.of(new Offer(
                            "Community meals and cooking club",
                            "food-security,mentoring",
                            "en,fr",
                            SCHOOLS,
                            12,
                            19,
                            15,
                            20,
                            "none",
                            "active"))));

    private final Api api;
    private final ObjectMapper json = new ObjectMapper();

    public DirectorySeed(Api api) {
        this.api = api;
    }

    static UUID organizationId(String slug) {
        return UUID.nameUUIDFromBytes(("bridgeway-demo-organization:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** Seeds the directory unless the demo board already has agreements; returns how many agencies it added. */
    public int seed() throws IOException, InterruptedException {
        if (json.readTree(api.call(
                                "GET",
                                "/api/v1/partners/agreements?board=" + DemoSeed.BOARD + "&size=1",
                                "admin",
                                null,
                                200))
                        .path("totalItems")
                        .asLong()
                > 0) {
            return 0;
        }
        for (Agency agency : AGENCIES) {
            String org = organizationId(agency.slug()).toString();
            post(
                    "/api/v1/partners/organizations",
                    json.createObjectNode()
                            .put("id", org)
                            .put("name", agency.name())
                            .put("description", agency.name() + ", a community partner of the demo board.")
                            .put("email", "intake@" + agency.slug() + ".example.org")
                            .put("website", "https://" + agency.slug() + ".example.org"));
            for (Offer offer : agency.offers()) {
                post("/api/v1/partners/services", service(org, agency, offer));
            }
            if (!agency.scopes().isEmpty()) {
                ObjectNode agreement = json.createObjectNode()
                        .put("organizationId", org)
                        .put("boardId", DemoSeed.BOARD)
                        .put("validFrom", agency.validFrom())
                        .put("status", agency.agreementStatus());
                if (!agency.validTo().isEmpty()) {
                    agreement.put("validTo", agency.validTo());
                }
                list(agreement, "scopes", agency.scopes());
                post("/api/v1/partners/agreements", agreement);
            }
        }
        return AGENCIES.size();
    }

    private void post(String path, ObjectNode body) throws IOException, InterruptedException {
        api.call("POST", path, "admin", json.writeValueAsString(body), 201);
    }

    private ObjectNode service(String org, Agency agency, Offer offer) {
        ObjectNode service = json.createObjectNode()
                .put("organizationId", org)
                .put("name", offer.name())
                .put("description", offer.name() + " for young people, offered by " + agency.name() + ".")
                .put("minAge", offer.minAge())
                .put("maxAge", offer.maxAge())
                .put("status", offer.status())
                .put("eligibility", "Young people aged " + offer.minAge() + " to " + offer.maxAge() + ".");
        list(service, "needs", offer.needs());
        list(service, "languages", offer.languages());
        list(service, "serviceAreas", offer.areas());
        service.putObject("contact")
                .put("email", "intake@" + agency.slug() + ".example.org")
                .put("phone", "+1 250 555 0100");
        service.putObject("capacity")
                .put("available", offer.available())
                .put("maximum", offer.maximum())
                .put("waitlist", offer.waitlist());
        ObjectNode location = service.putArray("locations")
                .addObject()
                .put("city", "Kelowna")
                .put("stateProvince", "BC")
                .put("country", "CA");
        if (agency.street() == null) {
            // a shelter: the address exists for admins and is withheld from everyone else
            location.put("name", agency.name() + " house")
                    .put("address1", "1 Confidential Way")
                    .put("postalCode", "V1Y 0A1")
                    .put("latitude", 49.8801)
                    .put("longitude", -119.4436)
                    .put("confidential", true);
        } else {
            location.put("name", agency.name() + " office")
                    .put("address1", agency.street())
                    .put("postalCode", "V1Y 9X9");
        }
        return service;
    }

    private static void list(ObjectNode node, String field, String commaSeparated) {
        var array = node.putArray(field);
        for (String value : commaSeparated.split(",")) {
            array.add(value);
        }
    }
}
