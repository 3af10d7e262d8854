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

    public static Path writePostBoot(Path file, Path resourceAdapterRar, String brokerHost, int brokerPort, String brokerUser,
            String brokerPassword) throws IOException {
        StringBuilder properties = new StringBuilder("ConnectionParameters=host\\=" + brokerHost + ";port\\=" + brokerPort);
        if (brokerUser != null && !brokerUser.isBlank()) {
            properties.append(":UserName=").append(brokerUser).append(":Password=").append(brokerPassword);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, List.of(
                // Payara Micro keeps its configuration in the root directory across restarts, where creating the
                // adapter's config again fails and the old one (an old broker password) would stay: replace it. On a
                // fresh root the delete fails harmlessly (boot commands log their failure and boot goes on).
                "delete-resource-adapter-config " + RESOURCE_ADAPTER,
                "create-resource-adapter-config --property " + properties + " " + RESOURCE_ADAPTER,
                "deploy --force=true --name " + RESOURCE_ADAPTER + " --type rar " + resourceAdapterRar.toAbsolutePath()));
        return file;
    }
}
