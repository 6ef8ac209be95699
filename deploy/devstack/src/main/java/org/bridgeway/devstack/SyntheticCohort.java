package org.bridgeway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One seeded, reproducible synthetic cohort of a school board, shared by the devstack demo, the
 * bench and the system tests: several schools, grades 7 to 12, a realistic risk mix (a few percent
 * high in some domain, a larger share moderate, the rest low) and a consent mix (granted, refused,
 * unknown). The same seed gives the same students, answers and consents.
 *
 * <p>Answers are drawn against the instrument's own item ranges: a {@link Risk#LOW} student answers
 * every item at its benign end (never flagged), a {@link Risk#HIGH} one answers two domains at their
 * severe end (always flagged: a domain at its top band), a {@link Risk#MODERATE} one in between with
 * noise (flagged or not, as the instrument decides).
 */
public final class SyntheticCohort {

    public enum Risk {
        LOW,
        MODERATE,
        HIGH
    }

    public enum Consent {
        GRANTED,
        REFUSED,
        UNKNOWN;

        public String value() {
            return name().toLowerCase();
        }
    }

    public record Student(
            String sisStudentId,
            String schoolId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            int grade,
            Risk risk,
            Consent consent) {}

    /** The mix: shares of high and moderate risk, and of granted and refused consent (the rest is unknown). */
    public record Mix(double high, double moderate, double granted, double refused) {
        /** A few percent high, about a quarter moderate; most consents granted, some refused, some unknown. */
        public static final Mix REALISTIC = new Mix(0.06, 0.25, 0.6, 0.15);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> GIVEN = List.of(
            "Ava", "Noah", "Maya", "Liam", "Zoe", "Arjun", "Chloe", "Mateo", "Aiyana", "Ethan", "Leila", "Owen",
            "Sofia", "Kai", "Amara", "Lucas");
    private static final List<String> FAMILY = List.of(
            "Nguyen",
            "Smith",
            "Singh",
            "Martin",
            "Tremblay",
            "Roy",
            "Lee",
            "Wilson",
            "Gagnon",
            "Brown",
            "Khan",
            "Thomas",
            "Bouchard",
            "Kaur");

    private final long seed;
    private final List<String> schools;
    private final List<Student> students;

    private SyntheticCohort(long seed, List<String> schools, List<Student> students) {
        this.seed = seed;
        this.schools = schools;
        this.students = students;
    }

    /**
     * @param idPrefix prefix of the SIS ids, so several cohorts can share a board
     * @param schools  the school ids, students spread evenly over them
     */
    public static SyntheticCohort generate(long seed, String idPrefix, List<String> schools, int size, Mix mix) {
        Random random = new Random(seed);
        List<Student> students = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int grade = 7 + random.nextInt(6);
            LocalDate born = LocalDate.now()
                    .withMonth(9)
                    .withDayOfMonth(1)
                    .minusYears(grade + 5L)
                    .minusDays(random.nextInt(365));
            double riskRoll = random.nextDouble();
            Risk risk = riskRoll < mix.high()
                    ? Risk.HIGH
                    : riskRoll < mix.high() + mix.moderate() ? Risk.MODERATE : Risk.LOW;
            double consentRoll = random.nextDouble();
            Consent consent = consentRoll < mix.granted()
                    ? Consent.GRANTED
                    : consentRoll < mix.granted() + mix.refused() ? Consent.REFUSED : Consent.UNKNOWN;
            students.add(new Student(
                    String.format("%s-%05d", idPrefix, i + 1),
                    schools.get(i % schools.size()),
                    GIVEN.get(random.nextInt(GIVEN.size())),
                    FAMILY.get(random.nextInt(FAMILY.size())),
                    born,
                    grade,
                    risk,
                    consent));
        }
        return new SyntheticCohort(seed, List.copyOf(schools), Collections.unmodifiableList(students));
    }

    public List<Student> students() {
        return students;
    }

    public long count(Predicate<Student> which) {
        return students.stream().filter(which).count();
    }

    /** The roster upload for {@code POST /boards/{b}/roster}. */
    public ObjectNode roster() {
        ObjectNode body = NODES.objectNode();
        ArrayNode schoolNodes = body.putArray("schools");
        for (int i = 0; i < schools.size(); i++) {
            schoolNodes.addObject().put("schoolId", schools.get(i)).put("name", "Synthetic School " + (i + 1));
        }
        ArrayNode studentNodes = body.putArray("students");
        students.forEach(s -> studentNodes
                .addObject()
                .put("sisStudentId", s.sisStudentId())
                .put("schoolId", s.schoolId())
                .put("givenName", s.givenName())
                .put("familyName", s.familyName())
                .put("dateOfBirth", s.dateOfBirth().toString())
                .put("grade", s.grade()));
        return body;
    }

    /** The consent body for {@code PUT /boards/{b}/students/{ref}/consent}, or null for unknown (none recorded). */
    public ObjectNode consent(Student student) {
        if (student.consent() == Consent.UNKNOWN) {
            return null;
        }
        ObjectNode body =
                NODES.objectNode().put("status", student.consent().value()).put("givenBy", "guardian");
        if (student.consent() == Consent.GRANTED) {
            body.putArray("scope").add("screening").add("referral").add("identity");
        }
        return body;
    }

    /** One student's answers, item id to raw value, drawn within each item's range. */
    public Map<String, Integer> answers(JsonNode instrument, Student student) {
        Random random = new Random(seed * 31 + student.sisStudentId().hashCode());
        List<String> domains = new ArrayList<>();
        instrument.path("domains").forEach(d -> domains.add(d.path("key").asText()));
        Collections.shuffle(domains, random);
        List<String> severeDomains = domains.subList(0, Math.min(2, domains.size()));
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        for (JsonNode item : instrument.path("items")) {
            int min = item.path("min").asInt();
            int max = item.path("max").asInt();
            double level = switch (student.risk()) {
                case LOW -> 0;
                case HIGH -> severeDomains.contains(item.path("domain").asText()) ? 1 : 0.2;
                case MODERATE -> Math.max(0, Math.min(1, 0.45 + random.nextGaussian() * 0.15));
            };
            int severity = min + (int) Math.round(level * (max - min));
            answers.put(item.path("id").asText(), item.path("reverse").asBoolean() ? min + max - severity : severity);
        }
        return answers;
    }

    /** Bulk rows as JSON for {@code POST /boards/{b}/batches}; {@code refs} maps SIS ids to studentRefs. */
    public ArrayNode responsesJson(
            JsonNode instrument, List<Student> which, Map<String, String> refs, LocalDate administeredOn) {
        ArrayNode rows = NODES.arrayNode();
        for (Student student : which) {
            ObjectNode row = rows.addObject()
                    .put("instrument", instrument.path("key").asText())
                    .put("version", instrument.path("version").asInt())
                    .put("studentRef", refs.get(student.sisStudentId()))
                    .put("schoolId", student.schoolId())
                    .put("administeredOn", administeredOn.toString());
            ObjectNode answers = row.putObject("answers");
            answers(instrument, student).forEach(answers::put);
        }
        return rows;
    }

    /** The same rows as CSV (header: sisStudentId, schoolId, instrument, version, administeredOn, then item ids). */
    public String responsesCsv(JsonNode instrument, List<Student> which, LocalDate administeredOn) {
        List<String> items = new ArrayList<>();
        instrument.path("items").forEach(item -> items.add(item.path("id").asText()));
        StringBuilder csv = new StringBuilder("sisStudentId,schoolId,instrument,version,administeredOn,")
                .append(String.join(",", items))
                .append('\n');
        for (Student student : which) {
            Map<String, Integer> answers = answers(instrument, student);
            csv.append(student.sisStudentId())
                    .append(',')
                    .append(student.schoolId())
                    .append(',')
                    .append(instrument.path("key").asText())
                    .append(',')
                    .append(instrument.path("version").asInt())
                    .append(',')
                    .append(administeredOn);
            items.forEach(item -> csv.append(',').append(answers.get(item)));
            csv.append('\n');
        }
        return csv.toString();
    }
}
