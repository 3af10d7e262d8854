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

    public record Reply(int status, String contentType, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
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

    public Reply login(String email, String password) {
        return post("api/v1/auth/login", null, Json.createObjectBuilder().add("email", email).add("password", password)
                .add("device", "integration test").build());
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

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, null);
    }

    public Reply send(String method, String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
