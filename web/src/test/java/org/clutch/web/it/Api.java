package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** The REST API as a mobile app calls it: JSON over HTTP with a bearer token. */
public final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URL deployment) {
        this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
    }

    /** The WebSocket address of live notifications for a token. */
    public URI liveUri(String token) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws/notifications?access_token=" + token);
    }

    public record Reply(int status, String contentType, String body, String retryAfter) {

        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        /** Field names of a problem+json validation failure. */
        public java.util.List<String> fieldErrors() {
            JsonArray errors = json().getJsonArray("errors");
            return errors == null ? java.util.List.of()
                    : errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Logs in with the fixture password and returns the access token. */
    public String token(String email) {
        Reply reply = login(email, Fixtures.PASSWORD);
        if (reply.status() != 200) {
            throw new IllegalStateException("cannot log in " + email + ": " + reply);
        }
        return reply.json().getString("accessToken");
    }

    /** A new API key of the partner whose admin this is, with the scopes, exchanged for its access token. */
    public String keyToken(String adminToken, String... scopes) {
        Reply created = post("api/v1/api-keys", adminToken, Json.createObjectBuilder().add("name", "Key with " + scopes.length
                + " scope(s)").add("scopes", Json.createArrayBuilder(java.util.List.of(scopes))).build());
        if (created.status() != 201) {
            throw new IllegalStateException("cannot make a key: " + created);
        }
        Reply exchanged = post("api/v1/auth/api-key", null, Json.createObjectBuilder().add("apiKey", created.json().getString("key")).build());
        if (exchanged.status() != 200) {
            throw new IllegalStateException("cannot exchange a key: " + exchanged);
        }
        return exchanged.json().getString("accessToken");
    }

    public Reply login(String email, String password) {
        return post("api/v1/auth/login", null, Json.createObjectBuilder().add("email", email).add("password", password)
                .add("device", "integration test").build());
    }

    /** Waits until the MDB has dispatched the request to the shop (dispatch is asynchronous by design). */
    public JsonObject awaitDispatched(String shopToken, String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Reply reply = get("api/v1/shop/requests/" + requestId, shopToken);
            if (reply.status() == 200) {
                return reply.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("request " + requestId + " never reached the shop");
    }

    /**
     * Logs in over a socket bound to {@code localAddress} (any 127.x.y.z reaches the server), so that tests of
     * the per-address login throttle never lock out the address the other tests use.
     */
    public Reply loginFrom(String localAddress, String email, String password) {
        String body = Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
        Raw raw = sendFrom(localAddress, "POST", "api/v1/auth/login", java.util.Map.of("Content-Type", "application/json"), body);
        return new Reply(raw.status(), raw.header("content-type", ""), raw.body(), raw.header("retry-after", null));
    }

    /** An answer read off the wire: its status, its headers by lower-case name, its body. */
    public record Raw(int status, java.util.Map<String, String> headers, String body) {

        public String header(String lowerCaseName, String otherwise) {
            return headers.getOrDefault(lowerCaseName, otherwise);
        }
    }

    /**
     * A request over a socket bound to {@code localAddress} (any 127.x.y.z reaches the server), one connection each:
     * for calls that count against the caller's address (failed logins), kept apart from the address the tests use.
     */
    public Raw sendFrom(String localAddress, String method, String path, java.util.Map<String, String> headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        URI target = base.resolve(path);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                    + target.getPort() + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            java.util.Map<String, String> answered = new java.util.HashMap<>();
            response.substring(0, split).lines().skip(1).filter(l -> l.contains(":"))
                    .forEach(l -> answered.put(l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT), l.substring(l.indexOf(':') + 1).strip()));
            String content = response.substring(split + 4);
            if (answered.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
                content = unchunk(content);
            }
            return new Raw(status, answered, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, JsonValue body) {
        return send("POST", path, token, body == null ? null : body.toString());
    }

    public Reply put(String path, String token, JsonValue body) {
        return send("PUT", path, token, body.toString());
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** A request with a binary body (uploads), answered as text. */
    public Reply sendBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    /** A GET whose answer is binary (downloads). */
    public byte[] download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
                .header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("download " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, (String) null);
    }

    public Reply send(String method, String path, String token, String body, String idempotencyKey) {
        return send(method, path, token, body, idempotencyKey == null ? java.util.Map.of() : java.util.Map.of("Idempotency-Key", idempotencyKey));
    }

    /** POSTs as a client that read version {@code version} of the record (If-Match). */
    public Reply postIfMatch(String path, String token, JsonValue body, String version) {
        return send("POST", path, token, body == null ? null : body.toString(), java.util.Map.of("If-Match", version));
    }

    public Reply send(String method, String path, String token, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
