package org.bridgeway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.Random;

/**
 * Synthetic survey answers with a realistic share of high-risk students (a few percent, as in a
 * real cohort, not the third the first bench sent): most students answer near the healthy end of
 * every item with a little noise, the high-risk share near the other end (the demo cohort's model).
 */
final class Cohort {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode instrument;
    private final double highRiskShare;
    private final Random random;

    Cohort(JsonNode instrument, double highRiskShare, long seed) {
        this.instrument = instrument;
        this.highRiskShare = highRiskShare;
        this.random = new Random(seed);
    }

    ObjectNode row(String studentRef, String schoolId, LocalDate day) {
        return row(studentRef, schoolId, day, random.nextDouble() < highRiskShare);
    }

    ObjectNode row(String studentRef, String schoolId, LocalDate day, boolean highRisk) {
        ObjectNode row = JSON.createObjectNode().put("instrument", instrument.path("key").asText("needs-survey"))
                .put("version", instrument.path("version").asInt(1))
                .put("studentRef", studentRef).put("schoolId", schoolId).put("administeredOn", day.toString());
        ObjectNode answers = row.putObject("answers");
        double risk = highRisk ? 0.8 : 0.05;
        for (JsonNode item : instrument.path("items")) {
            int min = item.path("min").asInt();
            int max = item.path("max").asInt();
            double level = Math.max(0, Math.min(1, risk + random.nextGaussian() * (highRisk ? 0.12 : 0.05)));
            int value = min + (int) Math.round(level * (max - min));
            answers.put(item.path("id").asText(), item.path("reverse").asBoolean() ? min + max - value : value);
        }
        return row;
    }
}
