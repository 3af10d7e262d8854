package org.clutch.ear;

import org.clutch.launcher.DataDirectory;
import org.clutch.launcher.EmbeddedBroker;
import org.clutch.launcher.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR on Payara Server 6 (the distribution from Maven Central) with the Artemis resource adapter beside it,
 * against real PostgreSQL and Artemis: it deploys, and a customer's parts request goes in and reaches a demo
 * shop through the message-driven bean.
 */
class EarOnPayaraServerIT {

    private static final int PORT_BASE = 28100;
    private static final int ADMIN_PORT = PORT_BASE + 48;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static EmbeddedDatabase database;
    private static EmbeddedBroker broker;
    private static Path domains;

    @BeforeAll
    static void deploy() throws Exception {
        Path work = Path.of(System.getProperty("clutch.it.dir"));
        DataDirectory.deleteTree(work); // a domain left by an earlier run already holds the adapter config
        domains = work.resolve("domains");
        database = EmbeddedDatabase.start(work.resolve("postgres"), 25433, "clutch", "clutch", "clutch");
        broker = EmbeddedBroker.start(work.resolve("artemis"), 61627);

        asadmin("create-domain", "--nopassword=true", "--portbase", String.valueOf(PORT_BASE), "--domaindir", domains.toString(),
                "clutch");
        asadmin("start-domain", "--domaindir", domains.toString(), "clutch");
        asadmin("--port", String.valueOf(ADMIN_PORT), "create-resource-adapter-config", "--property",
                "ConnectionParameters=host\\=127.0.0.1;port\\=" + broker.port(), "artemis-ra");
        asadmin("--port", String.valueOf(ADMIN_PORT), "deploy", "--force=true", "--name", "artemis-ra", "--type", "rar",
                System.getProperty("clutch.rar"));
        asadmin("--port", String.valueOf(ADMIN_PORT), "deploy", "--force=true", "--name", "clutch", System.getProperty("clutch.ear"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            asadmin("stop-domain", "--domaindir", domains.toString(), "clutch");
        } finally {
            broker.close();
            database.close();
        }
    }

    @Test
    void aPartsRequestGoesInAndReachesAShopThroughTheMessageDrivenBean() throws Exception {
        HttpResponse<String> login = login("customer@demo.clutch");
        assertEquals(200, login.statusCode(), login.body());
        String customer = field(login.body(), "accessToken");

        HttpResponse<String> created = call("POST", "/api/v1/parts-requests", customer, """
                {"vehicle":{"make":"Toyota","model":"Corolla","year":2016},
                 "delivery":{"latitude":-1.2864,"longitude":36.8172,"address":"Kenyatta Avenue, Nairobi"},
                 "lines":[{"name":"Front brake pads","quantity":1}]}""");
        assertEquals(201, created.statusCode(), created.body());
        String requestId = field(created.body(), "id");

        String shop = field(login("westlands@demo.clutch").body(), "accessToken");
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = call("GET", "/api/v1/shop/requests/" + requestId, shop, null).statusCode();
            Thread.sleep(100);
        }
        assertEquals(200, status, "the demo shop in range received the request");

        HttpResponse<String> problem = call("GET", "/api/v1/parts-requests", null, null);
        assertEquals(401, problem.statusCode());
        assertTrue(problem.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** Logs a demo account in (every demo account has the password clutch-demo-parts). */
    private static HttpResponse<String> login(String email) throws IOException, InterruptedException {
        return call("POST", "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"clutch-demo-parts\"}");
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    /** Runs asadmin with this JVM's Java, and the application's configuration in the server's environment. */
    private static void asadmin(String... args) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("payara.server.home"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("CLUTCH_DEMO_DATA", "true");
        env.put("CLUTCH_DEVELOPMENT_MODE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed (" + exit + "):\n" + output);
        }
    }
}
