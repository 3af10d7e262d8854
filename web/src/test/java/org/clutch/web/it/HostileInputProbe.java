package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an attacker's fuzzer or a broken client sends: every operation of the running application's OpenAPI document,
 * called by people of every role with bad ids in the path, bad query values, and its well-formed body spoiled field by
 * field (wrong types, nulls, fractions, huge and control-character strings) and whole (not JSON, the wrong shape, the
 * wrong content type); then oversized headers, a GET with a body and paths that try to climb out of the API. Every
 * answer must be below 500 and, when it is an error, RFC 9457 problem+json that names no server software.
 */
final class HostileInputProbe {

    /** A string longer than any field allows, while the body stays under the 256 KiB limit. */
    private static final String HUGE = "x".repeat(70_000);
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "%00", "..%2F..%2Fhealth", "1".repeat(2000), "%C0%AE%C0%AE");
    /**
     * Addresses the HTTP layer under the application refuses before any application code runs (a NUL byte, overlong
     * UTF-8, a "..;" segment), as it does a request head over its limit and a GET or DELETE with a body: it answers a
     * bare 400 that the application cannot dress as problem+json. Such answers are counted apart and must at least be
     * 400, bodiless and nameless; a load balancer in front is where they get a body.
     */
    private static final Pattern REFUSED_BELOW = Pattern.compile("%00|%C0%AE|\\.\\.;");
    /** The request head the HTTP layer takes (header-buffer-length-bytes, PayaraMicroCommands). */
    private static final int HEAD_LIMIT = 16 * 1024;
    private static final List<String> BAD_QUERY_VALUES = List.of("%00", "not-a-value", "-1", "99999999999999999999", HUGE.substring(0, 4000));
    /** Where the calls to the login endpoints come from, so that their failures lock no address other tests use. */
    private static final String AUTH_ADDRESS = "127.0.0.77";
    private static final Pattern SERVER_SOFTWARE = Pattern.compile("(?i)payara|glassfish|grizzly|jersey|eclipselink|yasson|tyrus");

    private final URI base;
    private final URL deployment;
    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int calls;
    private int refusedBelowTheApplication;

    HostileInputProbe(Api api, URL deployment) {
        this.api = api;
        this.deployment = deployment;
        this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
    }

    /** An answer with the headers that tell what software served it. */
    record Answer(int status, String contentType, String body, String server, String poweredBy) {
    }

    /** Runs the probe and answers what went wrong, one line a bad answer (empty when every answer kept the contract). */
    List<String> run(Map<String, String> people, JsonObject request, String shopId) {
        List<TenantIsolationProbe.Operation> operations = TenantIsolationProbe.documentedOperations(api, deployment);
        for (TenantIsolationProbe.Operation operation : operations) {
            String goodBody = operation.takesBody() ? TenantIsolationProbe.bodyFor(operation, request, shopId) : null;
            String goodPath = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (var person : people.entrySet()) {
                String token = person.getValue();
                for (String path : badPaths(operation.path())) {
                    check(person.getKey(), operation.method(), path, token, "application/json", goodBody);
                }
                for (String query : operation.queryParameters()) {
                    for (String value : BAD_QUERY_VALUES) {
                        check(person.getKey(), operation.method(), goodPath + "?" + query + "=" + value, token, "application/json", goodBody);
                    }
                }
                if (goodBody != null) {
                    for (String body : spoiled(goodBody)) {
                        check(person.getKey(), operation.method(), goodPath, token, "application/json", body);
                    }
                    check(person.getKey(), operation.method(), goodPath, token, "text/plain", goodBody);
                    check(person.getKey(), operation.method(), goodPath, token, "application/xml", "<quote/>");
                    check(person.getKey(), operation.method(), goodPath, token, null, goodBody);
                }
            }
        }
        String someToken = people.values().iterator().next();
        for (String header : List.of("x".repeat(8 * 1024), "x".repeat(64 * 1024))) {
            check("oversized header", "GET", "/account", someToken, null, null, Map.of("X-Padding", header));
            check("oversized token", "GET", "/account", header, null, null, Map.of());
        }
        check("GET with a body", "GET", "/account", someToken, "application/json", "{\"a\": 1}");
        for (String token : List.of("not.a.token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "")) {
            check("bad token", "GET", "/account", token, null, null);
        }
        for (String escape : List.of("/..%2F..%2Fhealth", "/%2e%2e/%2e%2e/openapi", "/sync/shops/..%2F..%2F..%2Fhealth/catalog/"
                + UUID.randomUUID(), "/..;/..;/openapi", "/%00")) {
            for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
                check("escape", method, escape, someToken, "application/json", method.equals("GET") ? null : "{}");
            }
        }
        if (calls < 1000) {
            failures.add("the probe made only " + calls + " calls: it does not see the API");
        }
        return failures;
    }

    /** The failures grouped by what went wrong, each kind counted with its first example: a readable failure message. */
    static String byKind(List<String> failures) {
        Map<String, List<String>> kinds = new java.util.TreeMap<>();
        for (String failure : failures) {
            String kind = failure.substring(failure.lastIndexOf(" -> ") + 4).replaceAll("^(\\d+) .*: ", "$1: ");
            kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(failure);
        }
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, all) -> text.append(all.size()).append(" x ").append(kind).append("\n    e.g. ").append(all.get(0))
                .append(all.size() > 1 ? "\n    and " + all.get(all.size() - 1) : "").append('\n'));
        return text.toString();
    }

    int calls() {
        return calls;
    }

    /** How many answers were the HTTP layer's bare 400s (see {@link #REFUSED_BELOW}). */
    int refusedBelowTheApplication() {
        return refusedBelowTheApplication;
    }

    /** The operation's path with each of its parameters in turn replaced by a bad id (the others by a random UUID). */
    private static List<String> badPaths(String template) {
        List<String> names = new ArrayList<>();
        var parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (parameter.find()) {
            names.add(parameter.group(1));
        }
        List<String> paths = new ArrayList<>();
        for (String name : names) {
            for (String bad : BAD_IDS) {
                String path = template.replace("{" + name + "}", bad);
                paths.add(path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
            }
        }
        return paths;
    }

    /** The body spoiled whole, and each of its fields (at any depth) spoiled in turn. */
    private static List<String> spoiled(String goodBody) {
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "not json at all",
                "{\"unknown\": \"field\"}", "\u0000"));
        JsonValue document;
        try (var reader = Json.createReader(new StringReader(goodBody))) {
            document = reader.readValue();
        }
        List<JsonValue> spoilers = List.of(JsonValue.NULL, Json.createValue("a\u0000b"), Json.createValue("\u001B[2J"),
                Json.createValue(HUGE), Json.createValue(2.5), Json.createValue(-1), Json.createValue(1e300), JsonValue.TRUE,
                Json.createObjectBuilder().add("a", 1).build(), Json.createArrayBuilder().add("x").build(),
                Json.createValue("not-a-uuid"), Json.createValue("2026-13-45T99:99:99Z"), Json.createValue("\uD83D"));
        for (List<Object> path : fieldPaths(document, new ArrayList<>())) {
            for (JsonValue spoiler : spoilers) {
                bodies.add(replaced(document, path, 0, spoiler).toString());
            }
        }
        return bodies;
    }

    /** The path (field names and indexes) of every value of the document below its root. */
    private static List<List<Object>> fieldPaths(JsonValue value, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(key);
                paths.add(path);
                paths.addAll(fieldPaths(member, path));
            });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                paths.addAll(fieldPaths(array.get(i), path));
            }
        }
        return paths;
    }

    private static JsonValue replaced(JsonValue value, List<Object> path, int depth, JsonValue spoiler) {
        if (depth == path.size()) {
            return spoiler;
        }
        Object step = path.get(depth);
        if (value instanceof JsonObject object && step instanceof String key) {
            Map<String, JsonValue> members = new LinkedHashMap<>(object);
            members.put(key, replaced(object.get(key), path, depth + 1, spoiler));
            var builder = Json.createObjectBuilder();
            members.forEach(builder::add);
            return builder.build();
        }
        JsonArray array = (JsonArray) value;
        var builder = Json.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            builder.add(i == (Integer) step ? replaced(array.get(i), path, depth + 1, spoiler) : array.get(i));
        }
        return builder.build();
    }

    private void check(String who, String method, String path, String token, String contentType, String body) {
        check(who, method, path, token, contentType, body, Map.of());
    }

    private void check(String who, String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        Answer answer;
        try {
            answer = send(method, "api/v1" + path, token, contentType, body, headers);
        } catch (RuntimeException e) {
            failures.add(who + " " + method + " " + abbreviated(path) + " " + describe(body) + " -> no answer: " + e);
            return;
        }
        calls++;
        boolean headTooLarge = path.length() + (token == null ? 0 : token.length())
                + headers.values().stream().mapToInt(String::length).sum() > HEAD_LIMIT;
        boolean bodyNotTaken = body != null && (method.equals("GET") || method.equals("DELETE"));
        if ((REFUSED_BELOW.matcher(path).find() || headTooLarge || bodyNotTaken) && answer.status() == 400 && answer.body().isEmpty()
                && answer.server() == null && answer.poweredBy() == null) {
            refusedBelowTheApplication++;
            return;
        }
        String problem = contractBreach(answer);
        if (problem != null) {
            failures.add(who + " " + method + " " + abbreviated(path) + " " + describe(body) + " -> " + answer.status() + " "
                    + abbreviated(answer.body()) + ": " + problem);
        }
    }

    /** What is wrong with the answer, or null when it keeps the contract. */
    static String contractBreach(Answer answer) {
        if (answer.status() >= 500) {
            return "a server error";
        }
        for (String header : new String[] {answer.server(), answer.poweredBy()}) {
            if (header != null && SERVER_SOFTWARE.matcher(header).find()) {
                return "names the server software in a header: " + header;
            }
        }
        if (answer.status() < 400) {
            return null;
        }
        if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "an error that is not problem+json but '" + answer.contentType() + "'";
        }
        if (SERVER_SOFTWARE.matcher(answer.body()).find()) {
            return "names the server software";
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject problem = reader.readObject();
            if (!problem.getString("type", "").startsWith("https://clutch.dev/problems/") || problem.getInt("status", 0) != answer.status()) {
                return "a problem without a stable type or with another status";
            }
        } catch (RuntimeException e) {
            return "a problem that is not a JSON object";
        }
        return null;
    }

    Answer send(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        if (path.startsWith("api/v1/auth/")) {
            // failed logins count against the caller's address: spoil them from one of their own
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (contentType != null) {
                all.put("Content-Type", contentType);
            }
            if (token != null) {
                all.put("Authorization", "Bearer " + token);
            }
            Api.Raw raw = api.sendFrom(AUTH_ADDRESS, method, path, all, body);
            return new Answer(raw.status(), raw.header("content-type", ""), raw.body(), raw.header("server", null),
                    raw.header("x-powered-by", null));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Server").orElse(null), response.headers().firstValue("X-Powered-By").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(String body) {
        return body == null ? "" : "with " + abbreviated(body);
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…(" + oneLine.length() + ")" : oneLine;
    }
}
