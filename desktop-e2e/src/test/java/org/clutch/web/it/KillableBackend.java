package org.clutch.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.clutch.launcher.EmbeddedDatabase;
import org.clutch.launcher.LauncherProcess;
import org.clutch.launcher.LauncherProcess.Setting;
import org.clutch.launcher.StandaloneBroker;

/**
 * The backend as it runs in production, in pieces that can be killed outright (SIGKILL: no shutdown hook, no
 * close): PostgreSQL, the Artemis broker in a process of its own ({@link StandaloneBroker}), and Payara Micro with the
 * application started by the launcher against them, with the demo data. Each is started again over the same data.
 */
final class KillableBackend implements AutoCloseable {

    static final String BACKEND_USER = "clutch-backend-killable";
    static final String BACKEND_PASSWORD = "killable-backend-secret";
    static final String DEMO_PASSWORD = "clutch-demo-parts";
    private static final String CLASSPATH = System.getProperty("java.class.path");

    private final Path directory;
    private final int brokerPort;
    private final int httpPort;
    private final EmbeddedDatabase database;
    private Process broker;
    private Process backend;
    private int starts;

    private KillableBackend(Path directory, EmbeddedDatabase database, int brokerPort, int httpPort) {
        this.directory = directory;
        this.database = database;
        this.brokerPort = brokerPort;
        this.httpPort = httpPort;
    }

    static KillableBackend start(Path directory, int databasePort, int brokerPort, int httpPort) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("postgres"), databasePort, "clutch", "clutch", "clutch");
        KillableBackend backend = new KillableBackend(directory, database, brokerPort, httpPort);
        backend.startBroker();
        backend.startBackend();
        return backend;
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    /** A connection that sees every tenant's rows (the platform scope of row-level security). */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(database.jdbcUrl(), "clutch", "clutch");
        try (var scope = c.createStatement()) {
            scope.execute("SET clutch.scope = 'platform'");
        }
        return c;
    }

    void startBroker() throws Exception {
        broker = launch(LauncherProcess.broker(CLASSPATH), "broker", StandaloneBroker.READY, Duration.ofSeconds(60));
    }

    void startBackend() throws Exception {
        Path payaraLog = directory.resolve("payara").resolve("payara.log");
        if (Files.exists(payaraLog)) { // the launcher starts each Payara with a new log: keep the one before
            Files.move(payaraLog, payaraLog.resolveSibling("payara-before-start-" + (starts + 1) + ".log"));
        }
        backend = launch(LauncherProcess.backend(CLASSPATH), "backend", "Clutch backend ready", Duration.ofSeconds(180));
    }

    /** Kills the broker as a power cut would. */
    void killBroker() throws InterruptedException {
        kill(broker);
    }

    /** Kills Payara Micro (and the launcher that started it) as a power cut would. */
    void killBackend() throws InterruptedException {
        kill(backend);
    }

    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : all) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    private Process launch(LauncherProcess launcher, String name, String readyLine, Duration within) throws Exception {
        Path log = directory.resolve(name + "-" + (++starts) + ".log");
        ProcessBuilder builder = launcher
                .set(Setting.DATA_DIR, directory)
                .set(Setting.DB_URL, database.jdbcUrl())
                .set(Setting.DB_USER, "clutch")
                .set(Setting.DB_PASSWORD, "clutch")
                .set(Setting.JMS_HOST, "127.0.0.1")
                .set(Setting.JMS_PORT, brokerPort)
                .set(Setting.JMS_AMQP_PORT, 0) // beside the other tests' broker, which has the AMQP port
                .set(Setting.JMS_USER, BACKEND_USER)
                .set(Setting.JMS_PASSWORD, BACKEND_PASSWORD)
                .set(Setting.HTTP_PORT, httpPort)
                .set(Setting.WAR, System.getProperty("clutch.war"))
                .set(Setting.RAR, Path.of(System.getProperty("clutch.payara.dir"), "artemis-ra.rar"))
                .set(Setting.PAYARA_MICRO, Path.of(System.getProperty("clutch.payara.dir"), "payara-micro.jar"))
                .set(Setting.DEMO_DATA, true)
                .builder(log);
        builder.command().add(1, "-Xmx512m");
        Process process = builder.start();
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.exists(log) || Files.readAllLines(log).stream().noneMatch(line -> line.startsWith(readyLine))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill(process);
                throw new IOException(name + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return process;
    }

    @Override
    public void close() throws Exception {
        for (Process process : new Process[] {backend, broker}) {
            if (process != null && process.isAlive()) {
                kill(process);
            }
        }
        database.close();
    }
}
