package dev.credwatch.it.harness.malformed;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Generates the malformed cases, the same list in every JVM (the fake's and the application's), in four families:
 * <ul>
 *   <li>every {@link BodyKind} crossed with every {@link HeaderFault}, for SQS (JSON) and STS (XML), the status
 *       taken in turn from the kind's list;</li>
 *   <li>GetSessionToken results with odd issued credentials ({@link IssuedCredentialsFault}), crossed with the
 *       header faults that touch what credwatch reads from every answer;</li>
 *   <li>answers that are no complete HTTP response ({@link TransportFault}), for each target.</li>
 * </ul>
 */
public final class MalformedCases {
    public static final String CASE_HEADER = "x-credwatch-case";
    static final String REQUEST_ID = "x-amzn-RequestId";
    private static final List<HeaderFault> HEADERS_CREDWATCH_READS = List.of(HeaderFault.NONE,
            HeaderFault.NO_REQUEST_ID, HeaderFault.DATE_GARBAGE, HeaderFault.DATE_1900, HeaderFault.DATE_9999);
    /** As AWS writes it: a two-digit day (the JDK's RFC 1123 formatter writes days 1 to 9 with one). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);
    private static final List<MalformedCase> ALL = Collections.unmodifiableList(generate());

    private MalformedCases() {
    }

    public static List<MalformedCase> all() {
        return ALL;
    }

    public static MalformedCase byId(int id) {
        return id >= 1 && id <= ALL.size() ? ALL.get(id - 1) : null;
    }

    private static List<MalformedCase> generate() {
        List<MalformedCase> cases = new ArrayList<>();
        for (Target target : List.of(Target.SQS_LIST_QUEUES, Target.STS_GET_CALLER_IDENTITY)) {
            for (BodyKind kind : BodyKind.values()) {
                HeaderFault[] faults = HeaderFault.values();
                for (int turn = 0; turn < faults.length; turn++) {
                    addBodyCase(cases, target, kind, faults[turn], turn);
                }
            }
        }
        for (IssuedCredentialsFault issued : IssuedCredentialsFault.values()) {
            for (HeaderFault fault : HEADERS_CREDWATCH_READS) {
                int id = cases.size() + 1;
                cases.add(new MalformedCase(id, Target.STS_GET_SESSION_TOKEN, "200 with " + issued.description()
                        + "; " + fault.description(), () -> fault.applyTo(usual(Target.STS_GET_SESSION_TOKEN, 200,
                        issued.body(id), id), id).toExchange()));
            }
        }
        for (Target target : Target.values()) {
            for (TransportFault fault : TransportFault.values()) {
                cases.add(new MalformedCase(cases.size() + 1, target, fault.description(), fault::exchange));
            }
        }
        return cases;
    }

    private static void addBodyCase(List<MalformedCase> cases, Target target, BodyKind kind, HeaderFault fault,
                                    int turn) {
        int id = cases.size() + 1;
        int status = kind.status(turn);
        String description = status + " " + (target.json() ? "JSON" : "XML") + " " + kind.description()
                + (kind == BodyKind.AUTH_ERROR ? " (" + Documents.authCode(target, turn) + ")" : "") + "; "
                + fault.description();
        // Rendered per request: the application's JVM generates the same list but never needs the bodies.
        cases.add(new MalformedCase(id, target, description, () -> fault.applyTo(usual(target, status,
                Bodies.render(kind, target, status, id, turn), id), id).toExchange()));
    }

    /** The head a real service writes: its content type, a request id and the current time. */
    private static HttpAnswer usual(Target target, int status, byte[] body, int id) {
        return HttpAnswer.of(status, body).add("Content-Type", target.contentType()).add(REQUEST_ID, "req-" + id)
                .add("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }
}
