package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading the running application's OpenAPI document: the schemas it gives for request bodies. */
final class OpenApi {

    private OpenApi() {
    }

    static JsonObject document(Api api, URL deployment) {
        Api.Reply document = api.send("GET", URI.create(deployment.toString()).resolve("/openapi?format=JSON").toString(), null, null);
        assertEquals(200, document.status(), document.toString());
        try (var reader = Json.createReader(new StringReader(document.body()))) {
            return reader.readObject();
        }
    }

    /** The JSON schema of an operation's request body, its $ref followed. */
    static JsonObject requestSchema(JsonObject document, String method, String path) {
        JsonObject operation = document.getJsonObject("paths").getJsonObject(path).getJsonObject(method.toLowerCase(Locale.ROOT));
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        JsonObject media = content.containsKey("application/json") ? content.getJsonObject("application/json")
                : content.getJsonObject(content.keySet().iterator().next());
        return resolved(document, media.getJsonObject("schema"));
    }

    /**
     * The fields of {@code sent} (at any depth: objects and arrays of objects) that {@code schema} does not document,
     * each by its path.
     */
    static List<String> undocumented(JsonObject document, JsonObject schema, jakarta.json.JsonValue sent, String path) {
        List<String> missing = new ArrayList<>();
        JsonObject resolved = resolved(document, schema);
        if (sent instanceof JsonObject object) {
            JsonObject documented = resolved.getJsonObject("properties");
            jakarta.json.JsonValue anyName = resolved.get("additionalProperties");
            for (String field : object.keySet()) {
                String at = path.isEmpty() ? field : path + "." + field;
                if (anyName instanceof JsonObject valueSchema && (documented == null || !documented.containsKey(field))) {
                    missing.addAll(undocumented(document, valueSchema, object.get(field), at)); // a map: any name, values of this schema
                } else if (documented == null || !documented.containsKey(field)) {
                    missing.add(at);
                } else {
                    missing.addAll(undocumented(document, documented.getJsonObject(field), object.get(field), at));
                }
            }
        } else if (sent instanceof jakarta.json.JsonArray array && resolved.containsKey("items")) {
            for (int i = 0; i < array.size(); i++) {
                missing.addAll(undocumented(document, resolved.getJsonObject("items"), array.get(i), path + "[" + i + "]"));
            }
        }
        return missing;
    }

    private static JsonObject resolved(JsonObject document, JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        return schema;
    }
}
