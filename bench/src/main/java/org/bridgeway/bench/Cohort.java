package org.bridgeway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bridgeway.devstack.SyntheticCohort;
import org.bridgeway.devstack.SyntheticCohort.Student;

/**
 * The bench's board: devstack's {@link SyntheticCohort} with the studentRefs its roster upload gave,
 * and one screening body per (student, day), so a phase can send any number of new screenings:
 * the i-th goes to student i mod n on day i / n after (or before) the phase's first day.
 */
final class Cohort {

    private final SyntheticCohort cohort;
    private final JsonNode instrument;
    private final Map<String, String> refs;
    private final List<Student> highRisk;

    Cohort(SyntheticCohort cohort, JsonNode instrument, Map<String, String> refs) {
        this.cohort = cohort;
        this.instrument = instrument;
        this.refs = refs;
        this.highRisk = cohort.students().stream()
                .filter(s -> s.risk() == SyntheticCohort.Risk.HIGH)
                .toList();
    }

    /**
     * One screening body per student, its day left as {@link OpenLoopGenerator#DAY} for the generator to fill
     * in (a warm-up of any length without a body file of that length).
     */
    List<String> templates() {
        LocalDate marker = LocalDate.of(1900, 1, 1);
        int n = cohort.students().size();
        List<String> templates = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            templates.add(any(i, marker).toString().replace(marker.toString(), OpenLoopGenerator.DAY));
        }
        return templates;
    }

    /** The i-th screening of the whole cohort (its own risk mix), days counted forward from {@code first}. */
    ObjectNode any(long i, LocalDate first) {
        return row(cohort.students(), i, first, 1);
    }

    /** The same, days counted backwards from {@code last} (single submits stay in the past whatever their number). */
    ObjectNode anyBackwards(long i, LocalDate last) {
        return row(cohort.students(), i, last, -1);
    }

    /** The i-th screening of a high-risk student (always flagged), days counted forward from {@code first}. */
    ObjectNode highRisk(long i, LocalDate first) {
        return row(highRisk, i, first, 1);
    }

    private ObjectNode row(List<Student> students, long i, LocalDate from, int direction) {
        Student student = students.get((int) (i % students.size()));
        LocalDate day = from.plusDays(direction * (i / students.size()));
        return (ObjectNode)
                cohort.responsesJson(instrument, List.of(student), refs, day).get(0);
    }
}
