package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.platform.input.HostileText;
import org.bridgeway.platform.input.Refusals;
import org.bridgeway.platform.problem.JsonRefusals;
import org.bridgeway.screening.domain.scoring.Violation;

/**
 * Reads a batch one row at a time, from a JSON array of responses or from CSV, so a file of any
 * size is never held in memory. A row that cannot be read is a row error, not a batch failure.
 */
public abstract class BatchRows implements Closeable {

    public static final String JSON = "json";
    public static final String CSV = "csv";

    /** A row: its 1-based number and either the response or why it could not be read. */
    public record Row(int number, SurveyResponse input, List<Violation> errors) {}

    /** @return the next row, or null at the end */
    public abstract Row next() throws IOException;

    public static BatchRows open(String format, InputStream in, ObjectMapper json) throws IOException {
        return CSV.equals(format) ? new Csv(in) : new Json(in, json);
    }

    /** Counts rows and rejects a file that is not well-formed before any work is accepted. */
    public static int count(String format, InputStream in, ObjectMapper json) throws IOException {
        if (CSV.equals(format)) {
            // the header is checked here, before the 202, not only when the rows are read
            try (Csv csv = new Csv(in)) {
                return (int) csv.reader.lines().filter(l -> !l.isBlank()).count();
            }
        }
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the body must be a JSON array of responses");
            }
            int rows = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("the JSON array is not closed");
                }
                parser.skipChildren();
                rows++;
            }
            return rows;
        }
    }

    private static final class Json extends BatchRows {
        private final JsonParser parser;
        private final ObjectMapper json;
        private int number;

        Json(InputStream in, ObjectMapper json) throws IOException {
            this.json = json;
            this.parser = json.getFactory().createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the body must be a JSON array of responses");
            }
        }

        @Override
        public Row next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            number++;
            JsonNode node = json.readTree(parser);
            if (!node.isObject()) {
                return new Row(number, null, List.of(new Violation("row", "must be a JSON object")));
            }
            try {
                return new Row(number, json.treeToValue(node, SurveyResponse.class), List.of());
            } catch (JsonMappingException e) {
                String field = JsonRefusals.field(e);
                return new Row(
                        number, null, List.of(new Violation(field.isEmpty() ? "row" : field, JsonRefusals.message(e))));
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * Header: {@code studentRef,sisStudentId,schoolId,instrument,version,administeredOn} then one
     * column per item id; an empty answer cell is an unanswered item. Values hold no commas.
     */
    private static final class Csv extends BatchRows {
        private static final List<String> FIXED =
                List.of("studentRef", "sisStudentId", "schoolId", "instrument", "version", "administeredOn");
        private final BufferedReader reader;
        private final List<String> header;
        private int number;

        Csv(InputStream in) throws IOException {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String first = reader.readLine();
            if (first != null && HostileText.hasControlCharacter(first)) {
                throw new IOException("the CSV header " + Refusals.CONTROL_CHARACTERS);
            }
            header = first == null ? List.of() : split(first);
            if (!header.containsAll(List.of("schoolId", "instrument", "version", "administeredOn"))) {
                throw new IOException("the CSV header must name schoolId, instrument, version, administeredOn,"
                        + " studentRef or sisStudentId, then one column per item id");
            }
        }

        @Override
        public Row next() throws IOException {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            number++;
            List<String> cells = split(line);
            if (cells.size() != header.size()) {
                return new Row(
                        number,
                        null,
                        List.of(new Violation(
                                "row", "has " + cells.size() + " cells, the header has " + header.size())));
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            Map<String, Integer> answers = new LinkedHashMap<>();
            List<Violation> errors = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                String cell = cells.get(i);
                if (HostileText.hasControlCharacter(cell)) {
                    errors.add(new Violation(
                            FIXED.contains(column) ? column : "answers." + column, Refusals.CONTROL_CHARACTERS));
                } else if (FIXED.contains(column)) {
                    fixed.put(column, cell.isEmpty() ? null : cell);
                } else if (!cell.isEmpty()) {
                    try {
                        answers.put(column, Integer.parseInt(cell));
                    } catch (NumberFormatException e) {
                        errors.add(new Violation("answers." + column, Refusals.WHOLE_NUMBER));
                    }
                }
            }
            Integer version = null;
            LocalDate administeredOn = null;
            try {
                version = fixed.get("version") == null ? null : Integer.valueOf(fixed.get("version"));
            } catch (NumberFormatException e) {
                errors.add(new Violation("version", Refusals.WHOLE_NUMBER));
            }
            try {
                administeredOn =
                        fixed.get("administeredOn") == null ? null : LocalDate.parse(fixed.get("administeredOn"));
            } catch (DateTimeParseException e) {
                errors.add(new Violation("administeredOn", "must be a date (YYYY-MM-DD)"));
            }
            if (!errors.isEmpty()) {
                return new Row(number, null, errors);
            }
            return new Row(
                    number,
                    new SurveyResponse(
                            fixed.get("instrument"),
                            version,
                            fixed.get("studentRef"),
                            fixed.get("sisStudentId"),
                            fixed.get("schoolId"),
                            administeredOn,
                            answers),
                    List.of());
        }

        private static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                String trimmed = cell.trim();
                if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                    trimmed = trimmed.substring(1, trimmed.length() - 1);
                }
                cells.add(trimmed);
            }
            return cells;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
