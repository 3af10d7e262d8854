package org.clutch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Payara Micro needs for this application. The post-boot command file points the Artemis resource adapter
 * at the broker and deploys it; post-boot commands run before the boot-time deployments, so the adapter exists
 * when the application's MDBs and connection factories start, whatever the order of --deploy options.
 */
public final class PayaraMicroCommands {

    /** The adapter's name; @MessageDriven and @JMSConnectionFactoryDefinition refer to it. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";

    private static final String RECOVERY_POOL = "clutch-broker-recovery";

    /**
     * JVM option for Payara: without it every Json.createReader / createObjectBuilder call (Payara's MP-JWT does
     * two per request) scans the class path with a ServiceLoader, a noticeable share of each request's CPU.
     */
    public static final String JSON_PROVIDER_OPTION = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    /**
     * The HTTP listener as the platform wants it, set before it starts (set later, each change restarts the listener
     * and refuses connections for a moment): answers name no server software, since an attacker's first question is
     * which version to look up; a request head of up to 16 KiB (tokens with many claims, proxies' headers) reaches the
     * application, and a larger one is refused by the HTTP layer with a bare 400.
     */
    private static final List<String> HTTP_LISTENER = List.of(
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.header-buffer-length-bytes=16384");

    private PayaraMicroCommands() {
    }

    /**
     * Pre-boot commands for a Payara Micro whose root directory is made afresh at each start (see {@link Backend}):
     * the transaction log lives outside it, in {@code transactionLogs}, and is kept across starts. What a backend
     * killed between the two phases of committing had decided is finished from it by the recovery the post-boot file
     * runs; what it had not decided is rolled back by the launcher ({@link InDoubtTransactions}).
     */
    public static Path writePreBoot(Path file, Path transactionLogs) throws IOException {
        Files.createDirectories(transactionLogs);
        List<String> commands = new ArrayList<>(HTTP_LISTENER);
        commands.add("set configs.config.server-config.transaction-service.tx-log-dir=" + transactionLogs.toAbsolutePath());
        commands.add("set configs.config.server-config.transaction-service.automatic-recovery=true");
        Files.write(file, commands);
        return file;
    }

    /** Pre-boot commands of the HTTP listener alone, for a Payara Micro whose transaction log may stay in its root. */
    public static Path writeHttpPreBoot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, HTTP_LISTENER);
        return file;
    }

    public static Path writePostBoot(Path file, Path resourceAdapterRar, String brokerHost, int brokerPort, String brokerUser,
            String brokerPassword) throws IOException {
        // after losing the broker the adapter retries often (a try on a broker that is down is refused at once), so
        // sync resumes as soon as the broker is back; a call the broker never answers (it died after taking it) fails
        // after a few seconds, not the default half minute a sync batch's commit would otherwise hang
        StringBuilder properties = new StringBuilder("ConnectionParameters=host\\=" + brokerHost + ";port\\=" + brokerPort
                + ":RetryInterval=100:RetryIntervalMultiplier=1.0:CallTimeout=5000");
        if (brokerUser != null && !brokerUser.isBlank()) {
            properties.append(":UserName=").append(brokerUser).append(":Password=").append(brokerPassword);
        }
        String account = brokerUser == null || brokerUser.isBlank() ? "" : " --property UserName=" + brokerUser + ":Password=" + brokerPassword;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, List.of(
                "create-resource-adapter-config --property " + properties + " " + RESOURCE_ADAPTER,
                "deploy --force=true --name " + RESOURCE_ADAPTER + " --type rar " + resourceAdapterRar.toAbsolutePath(),
                // Payara's recovery at start runs before this file, when it knows no broker, and it never looks at the
                // application's own @JMSConnectionFactoryDefinition: a transaction the broker had prepared when the
                // backend died (a sync batch received, say) would stay prepared, its messages held, for ever. This
                // pool of the server's own is what recovery asks for the broker's in-doubt transactions; recovering
                // again now, with the adapter deployed, completes or rolls them back by the transaction log.
                "create-connector-connection-pool --raname " + RESOURCE_ADAPTER + " --connectiondefinition jakarta.jms.ConnectionFactory"
                        + " --transactionsupport XATransaction" + account + " " + RECOVERY_POOL,
                "create-connector-resource --poolname " + RECOVERY_POOL + " jms/clutch-broker-recovery",
                "recover-transactions server"));
        return file;
    }
}
