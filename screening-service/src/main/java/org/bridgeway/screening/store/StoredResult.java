package org.bridgeway.screening.store;

import java.util.List;

/**
 * The {@code result} jsonb column of a screening: exactly what was scored, kept as scored. It is its own
 * versioned record, never an API type, because {@link ReportQueries} reads its keys in SQL: renaming a
 * field here is a new {@code schema} version with a migration, never a silent change of stored data.
 *
 * @param schema 1 for every row so far (rows written before the field existed carry none and read as 1)
 */
public record StoredResult(int schema, List<Domain> domains, List<String> needs) {

    public static final int CURRENT_SCHEMA = 1;
    /** The jsonb keys {@link ReportQueries} reads. */
    static final String DOMAINS_KEY = "domains";

    static final String DOMAIN_KEY = "domain";
    static final String BAND_KEY = "band";

    public StoredResult {
        schema = schema == 0 ? CURRENT_SCHEMA : schema;
    }

    public StoredResult(List<Domain> domains, List<String> needs) {
        this(CURRENT_SCHEMA, domains, needs);
    }

    /** One domain as scored; {@code score} and {@code band} are null when the domain was incomplete. */
    public record Domain(
            String domain,
            String label,
            Double score,
            String band,
            boolean complete,
            int answered,
            int items,
            List<String> drivers,
            List<String> needs) {}
}
