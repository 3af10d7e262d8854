package org.clutch.shop.ui.osgi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.clutch.shop.Shop;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Opens the shop's database (H2 recovery, Flyway validation) on a thread of its own as soon as the framework
 * starts this bundle, so that it overlaps with the workbench starting instead of following it: about a second
 * of the launch. {@link LifeCycle} takes the opened shop, or opens it itself when nothing started early.
 */
public final class EarlyOpening implements BundleActivator {

    private static volatile Opening opening;

    private record Opening(Path directory, CompletableFuture<Shop> shop) {
    }

    /** The shop's data directory as the launcher passes it (-Dclutch.shop.data), default .clutch-shop in the home folder. */
    public static Path dataDirectory() {
        String given = System.getProperty("clutch.shop.data");
        return given != null ? Path.of(given) : Path.of(System.getProperty("user.home"), ".clutch-shop");
    }

    @Override
    public void start(BundleContext context) {
        StartupTimes.mark("opening the shop database");
        Path directory = dataDirectory();
        opening = new Opening(directory, CompletableFuture.supplyAsync(() -> Shop.open(directory, Clock.systemDefaultZone()),
                runnable -> {
                    Thread thread = new Thread(runnable, "open shop database");
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    @Override
    public void stop(BundleContext context) {
        Opening left = opening;
        opening = null;
        if (left != null && !left.shop().isCompletedExceptionally()) {
            left.shop().thenAccept(Shop::close);
        }
    }

    /** The shop in {@code directory}: the one opened early when it is that one, else opened now. */
    public static Shop take(Path directory) {
        Opening started = opening;
        opening = null;
        if (started == null || !started.directory().equals(directory)) {
            return Shop.open(directory, Clock.systemDefaultZone());
        }
        try {
            return started.shop().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
