package org.bridgeway.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A OneRoster 1.2 CSV package built in a test: files written with Jackson's CSV writer (quoted as needed), zipped. */
public final class OneRosterPackage {

    public static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    public static final String CLASSES =
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds";
    public static final String USERS = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
            + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
            + "preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns";
    public static final String ENROLLMENTS =
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
    public static final String DEMOGRAPHICS = "sourcedId,status,dateLastModified,birthDate,sex";
    public static final String ROLES =
            "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId";

    private static final ObjectWriter CSV =
            new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema());

    private final Map<String, StringBuilder> files = new LinkedHashMap<>();
    private final Map<String, byte[]> raw = new LinkedHashMap<>();

    /** Starts {@code <file>.csv} with its header (a comma-separated list of column names). */
    public OneRosterPackage file(String file, String header) {
        files.put(file + ".csv", new StringBuilder(header).append("\r\n"));
        return this;
    }

    /** Adds a record to {@code <file>.csv}, quoting cells that hold commas, quotes or line breaks. */
    public OneRosterPackage row(String file, String... cells) {
        try {
            files.get(file + ".csv").append(CSV.writeValueAsString(cells));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A manifest naming each file's mode; files not named are absent. */
    public OneRosterPackage manifest(Map<String, String> modes) {
        file("manifest", "propertyName,value");
        row("manifest", "manifest.version", "1.0");
        row("manifest", "oneroster.version", "1.2");
        for (String file : new String[] {
            "academicSessions",
            "categories",
            "courses",
            "roles",
            "orgs",
            "classes",
            "enrollments",
            "users",
            "demographics"
        }) {
            row("manifest", "file." + file, modes.getOrDefault(file, "absent"));
        }
        row("manifest", "source.systemName", "Test SIS");
        return this;
    }

    /** An entry with exactly these bytes and this name, whatever it is. */
    public OneRosterPackage entry(String name, byte[] content) {
        raw.put(name, content);
        return this;
    }

    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue().toString().getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> entry : raw.entrySet()) {
                put(zip, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
