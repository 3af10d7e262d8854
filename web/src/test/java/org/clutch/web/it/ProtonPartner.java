package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A partner's system written in Python with Debian's python3-qpid-proton (src/test/python/partner_client.py), not
 * qpid-jms: what a partner with another stack sees of the platform over AMQP 1.0.
 */
final class ProtonPartner {

    private static final Path SCRIPT = Path.of("src", "test", "python", "partner_client.py");

    private final String url;
    private final String user;
    private final String password;

    ProtonPartner(JsonObject account) {
        this.url = "amqp://127.0.0.1:" + IntegrationServices.BROKER_AMQP_PORT;
        this.user = account.getString("username");
        this.password = account.getString("password");
    }

    /** Sends one message on clutch.partner.inbound with the documented envelope, the body an AMQP string. */
    void send(String type, String messageId, String correlationId, String body) throws IOException, InterruptedException {
        send(type, messageId, correlationId, body, "text");
    }

    /** The same with the body as {@code as}: "text", "json-bytes" (data declared application/json) or "bytes". */
    void send(String type, String messageId, String correlationId, String body, String as) throws IOException, InterruptedException {
        Path file = Files.createTempFile("partner-message", ".json");
        try {
            Files.writeString(file, body, StandardCharsets.UTF_8);
            run("send", url, user, password, type, messageId, correlationId == null ? "-" : correlationId, file.toString(), as);
        } finally {
            Files.delete(file);
        }
    }

    /** The next {@code count} messages on {@code address}, each as the client saw it. */
    List<JsonObject> receive(String address, int count) throws IOException, InterruptedException {
        List<JsonObject> messages = new ArrayList<>();
        for (String line : run("receive", url, user, password, address, String.valueOf(count), "30").split("\n")) {
            if (!line.isBlank()) {
                messages.add(Json.createReader(new StringReader(line)).readObject());
            }
        }
        assertEquals(count, messages.size(), "messages taken from " + address);
        return messages;
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python(), SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the Python partner client failed (" + String.join(" ", arguments[0]) + "): "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Debian's interpreter, which has python3-qpid-proton (.ci/run installs it); another python3 on the PATH may not. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
