package org.clutch.launcher;

import org.clutch.launcher.LauncherProcess.Setting;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The platform's Artemis broker in a process of its own, with the same journal, delivery rules and security as the
 * one {@link Backend} embeds: for running the broker apart from the backend (start the backend with JMS_HOST,
 * JMS_PORT, JMS_USER and JMS_PASSWORD pointing at it), and for tests and benchmarks that kill the broker outright.
 * Settings: CLUTCH_DATA_DIR (journal under artemis/), JMS_PORT (61616), JMS_AMQP_PORT (5672, AMQP 1.0 for partners;
 * 0 for none), JMS_USER and JMS_PASSWORD (the backend's
 * account, required), DB_URL, DB_USER and DB_PASSWORD (the database holding the shops' broker accounts, required).
 */
public final class StandaloneBroker {

    /**
     * The JVM options to run this process with (the README's command, the benchmark, the crash tests): the JIT's
     * first tier only, compiling early. The broker's own work per message is small, and on a host it shares with the
     * backend the optimising compiler's threads cost more than they bring, above all right after a restart, when
     * shops drain their backlogs (docs/benchmarks.md has the measurements).
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.25");

    /**
     * The start-up cache of this process's JVM with {@code jvmOptions} on {@code classpath}, kept in {@code directory}
     * (Java 25 or later): a broker that has stopped normally once before maps its classes already loaded and linked,
     * so after a crash it accepts connections again sooner (docs/benchmarks.md).
     */
    public static Optional<JvmStartupCache> startupCache(Path directory, String classpath, List<String> jvmOptions) {
        return JvmStartupCache.of(directory, "broker", classpath, jvmOptions);
    }

    /** Printed once the broker accepts connections, for whoever waits on this process. */
    public static final String READY = "Artemis ready";

    private StandaloneBroker() {
    }

    /**
     * Runs the broker; with {@code --jvm-options}, prints the options to start its JVM with instead: {@link #JVM_OPTIONS}
     * and its start-up cache under CLUTCH_DATA_DIR/jvm-cache for this class path.
     */
    public static void main(String[] args) throws Exception {
        Backend.Settings settings = Backend.Settings.fromEnvironment();
        if (args.length > 0 && args[0].equals("--jvm-options")) {
            List<String> options = startupCache(settings.dataDir().resolve("jvm-cache"), System.getProperty("java.class.path"),
                    JVM_OPTIONS).map(JvmStartupCache::jvmOptions).orElse(JVM_OPTIONS);
            System.out.println(String.join(" ", options));
            return;
        }
        Backend.quietLibraries();
        BrokerSecurity security = new BrokerSecurity(settings.required(Setting.JMS_USER), settings.required(Setting.JMS_PASSWORD),
                settings.required(Setting.DB_URL), settings.get(Setting.DB_USER, "clutch"), settings.get(Setting.DB_PASSWORD, "clutch"));
        EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("artemis"), settings.getInt(Setting.JMS_PORT, 61616),
                settings.getInt(Setting.JMS_AMQP_PORT, 5672), security).followPartnerBridges(settings.partnerBridges(), 2_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "clutch-broker-shutdown"));
        System.out.println(READY + " " + broker.url() + " (journal in " + settings.dataDir().resolve("artemis") + ")");
        stopped.await();
    }
}
