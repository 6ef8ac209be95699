package org.bridgeway.screening.domain.oneroster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.platform.input.ByteOrderMarks;

/**
 * One CSV file of a package, read record by record with Jackson's CSV parser (RFC 4180 quoting, a cell may
 * hold commas, quotes and line breaks). The first record is the header; a row's line is its record number,
 * the header being line 1, which is the text line whenever no cell spans lines.
 */
public final class CsvTable implements Closeable {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final String file;
    private final MappingIterator<String[]> records;
    private final List<String> header;
    private int line = 1;

    private CsvTable(String file, MappingIterator<String[]> records, List<String> header) {
        this.file = file;
        this.records = records;
        this.header = header;
    }

    /**
     * Opens the file and checks its header names every required column.
     *
     * @throws MalformedPackageException when the file has no header or misses a required column
     */
    public static CsvTable open(String file, InputStream in, List<String> required) throws IOException {
        MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema())
                .readValues(new InputStreamReader(ByteOrderMarks.withoutBom(in), StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>();
        CsvTable table = new CsvTable(file, records, header);
        String[] columns = table.nextRecord();
        if (columns != null) {
            for (String column : columns) {
                header.add(column.trim());
            }
        }
        List<String> missing =
                required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            table.close();
            throw new MalformedPackageException(
                    file, "the header must name the columns " + String.join(", ", missing) + " (OneRoster 1.2)");
        }
        return table;
    }

    /** @return the next data row, or null at the end of the file */
    public CsvRow next() throws IOException {
        String[] cells = nextRecord();
        if (cells == null) {
            return null;
        }
        line++;
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < header.size() && i < cells.length; i++) {
            byColumn.put(header.get(i), cells[i]);
        }
        return new CsvRow(file, line, byColumn);
    }

    /** @return the next record's cells, or null at the end of the file */
    private String[] nextRecord() throws MalformedPackageException {
        try {
            return records.hasNextValue() ? records.nextValue() : null;
        } catch (IOException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * Jackson wraps what the stream underneath threw (the package's size bound) in its own exceptions: that
     * bound is the answer then; anything else is a malformed record, which the file cannot be read past.
     */
    private MalformedPackageException refusal(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedPackageException refused) {
                return refused;
            }
        }
        return new MalformedPackageException(file, "is not valid CSV after line " + line);
    }

    /** Counts the data rows left, reading every record: what a file holds before any work is accepted. */
    public int countRows() throws IOException {
        int rows = 0;
        while (next() != null) {
            rows++;
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
