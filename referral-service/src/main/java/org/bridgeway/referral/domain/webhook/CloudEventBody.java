package org.bridgeway.referral.domain.webhook;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.bridgeway.events.EventJson;

/**
 * A CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}): the attributes and the
 * event's JSON payload as {@code data}. Built from the stored columns, so every attempt sends the same bytes.
 */
public final class CloudEventBody {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private CloudEventBody() {}

    public static String of(String id, String source, String type, String time, String subject, String dataJson) {
        return EventJson.write(new Structured("1.0", id, source, type, time, subject, "application/json", dataJson));
    }

    record Structured(
            String specversion,
            String id,
            String source,
            String type,
            String time,
            String subject,
            String datacontenttype,
            @JsonRawValue String data) {}
}
