package org.clutch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Payara Micro needs for this application. The post-boot command file points the Artemis resource adapter
 * at the broker and deploys it; post-boot commands run before the boot-time deployments, so the adapter exists
 * when the application's MDBs and connection factories start, whatever the order of --deploy options.
 */
public final class PayaraMicroCommands {

    /** The adapter's name; @MessageDriven and @JMSConnectionFactoryDefinition refer to it. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";

    /**
     * JVM option for Payara: without it every Json.createReader / createObjectBuilder call (Payara's MP-JWT does
     * two per request) scans the class path with a ServiceLoader; measured at about a tenth of the request CPU.
     */
    public static final String JSON_PROVIDER_OPTION = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    private PayaraMicroCommands() {
    }

    /**
     * Pre-boot commands for a Payara Micro whose root directory is made afresh at each start (see {@link Backend}):
     * the transaction log lives outside it, in {@code transactionLogs}, and is replayed at start. A backend killed
     * between the two phases of committing a sync batch (PostgreSQL committed, the broker's part prepared) then
     * finishes the broker's part when it comes back, instead of leaving it prepared for ever.
     */
    public static Path writePreBoot(Path file, Path transactionLogs) throws IOException {
        Files.createDirectories(transactionLogs);
        Files.write(file, List.of(
                "set configs.config.server-config.transaction-service.tx-log-dir=" + transactionLogs.toAbsolutePath(),
                "set configs.config.server-config.transaction-service.automatic-recovery=true"));
        return file;
    }

    public static Path writePostBoot(Path file, Path resourceAdapterRar, String brokerHost, int brokerPort, String brokerUser,
            String brokerPassword) throws IOException {
        // after losing the broker the adapter retries every 250 ms (the default, 2 s, kept sync waiting up to 2 s
        // longer than the broker's own restart)
        StringBuilder properties = new StringBuilder("ConnectionParameters=host\\=" + brokerHost + ";port\\=" + brokerPort
                + ":RetryInterval=250:RetryIntervalMultiplier=1.0");
        if (brokerUser != null && !brokerUser.isBlank()) {
            properties.append(":UserName=").append(brokerUser).append(":Password=").append(brokerPassword);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, List.of(
                "create-resource-adapter-config --property " + properties + " " + RESOURCE_ADAPTER,
                "deploy --force=true --name " + RESOURCE_ADAPTER + " --type rar " + resourceAdapterRar.toAbsolutePath()));
        return file;
    }
}
