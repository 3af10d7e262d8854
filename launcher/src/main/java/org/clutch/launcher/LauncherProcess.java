package org.clutch.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A part of the backend ({@link Backend} or {@link StandaloneBroker}) started as a process of its own, as the benchmark
 * and the crash tests run it: the launcher's settings by name ({@link Setting}), so no caller keeps its own copy of
 * the variables the launcher reads.
 */
public final class LauncherProcess {

    /** What the launcher reads from the environment (or a system property of the same name). */
    public enum Setting {
        DATA_DIR("CLUTCH_DATA_DIR"),
        DB_URL("DB_URL"), DB_USER("DB_USER"), DB_PASSWORD("DB_PASSWORD"), PG_PORT("CLUTCH_PG_PORT"),
        JMS_HOST("JMS_HOST"), JMS_PORT("JMS_PORT"), JMS_AMQP_PORT("JMS_AMQP_PORT"), JMS_USER("JMS_USER"),
        JMS_PASSWORD("JMS_PASSWORD"),
        HTTP_PORT("CLUTCH_HTTP_PORT"), WAR("CLUTCH_WAR"), RAR("CLUTCH_RAR"), PAYARA_MICRO("CLUTCH_PAYARA_MICRO"),
        PAYARA_HEAP("CLUTCH_PAYARA_HEAP"), START_TIMEOUT("CLUTCH_START_TIMEOUT"),
        DEMO_DATA("CLUTCH_DEMO_DATA"), DEVELOPMENT_MODE("CLUTCH_DEVELOPMENT_MODE"),
        CARD_SIMULATOR("CLUTCH_PAYMENTS_CARD_SIMULATOR_ENABLED"),
        PLATFORM_ADMIN_EMAIL("CLUTCH_PLATFORM_ADMIN_EMAIL"), PLATFORM_ADMIN_PASSWORD("CLUTCH_PLATFORM_ADMIN_PASSWORD"),
        PARTNER_BRIDGES("CLUTCH_PARTNER_BRIDGES"),
        RATE_LIMIT_PER_PRINCIPAL("CLUTCH_RATE_LIMIT_PER_PRINCIPAL"), RATE_LIMIT_PER_ADDRESS("CLUTCH_RATE_LIMIT_PER_ADDRESS");

        private final String variable;

        Setting(String variable) {
            this.variable = variable;
        }

        /** The environment variable's name. */
        public String variable() {
            return variable;
        }
    }

    private final String mainClass;
    private final String classpath;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<Setting, String> settings = new EnumMap<>(Setting.class);

    private LauncherProcess(String mainClass, String classpath) {
        this.mainClass = mainClass;
        this.classpath = classpath;
    }

    /** The backend: PostgreSQL (embedded unless DB_URL is set), Payara Micro with the WAR, and a broker unless JMS_HOST. */
    public static LauncherProcess backend(String classpath) {
        return new LauncherProcess(Backend.class.getName(), classpath);
    }

    /** The platform's broker in a process of its own, with the JVM options the project runs it with. */
    public static LauncherProcess broker(String classpath) {
        return new LauncherProcess(StandaloneBroker.class.getName(), classpath).jvmOptions(StandaloneBroker.JVM_OPTIONS);
    }

    public LauncherProcess set(Setting setting, Object value) {
        settings.put(setting, String.valueOf(value));
        return this;
    }

    /** JVM options placed before the main class, replacing the defaults. */
    public LauncherProcess jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /**
     * The process to start, its output appended to {@code output}; settings this process does not set are removed
     * from the inherited environment, so the caller's own DB_URL or JMS_HOST never leaks in.
     */
    public ProcessBuilder builder(Path output) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        for (Setting setting : Setting.values()) {
            env.remove(setting.variable());
        }
        settings.forEach((setting, value) -> env.put(setting.variable(), value));
        return builder;
    }
}
