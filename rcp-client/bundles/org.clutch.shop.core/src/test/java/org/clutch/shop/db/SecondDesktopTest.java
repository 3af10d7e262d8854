package org.clutch.shop.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.clutch.shop.Shop;
import org.clutch.shop.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start of the desktop on the same computer is told the shop is open, and opens nothing. */
class SecondDesktopTest {

    @TempDir
    Path directory;

    @Test
    void aSecondDesktopIsToldTheShopIsAlreadyOpenUntilTheFirstEnds() throws Exception {
        try (TestShop first = new TestShop(directory)) {
            first.part("BP-100", "Brake pad set front", null, 250000, 450000, 10);
        }
        Process running = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenDesktop.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine());

            ShopInUseException refused = assertThrows(ShopInUseException.class, () -> Shop.open(directory, Clock.systemUTC()));
            assertTrue(refused.getMessage().startsWith("Clutch shop is already running on this computer"), refused.getMessage());

            running.destroyForcibly(); // ended however it ends: the lock goes with the process
            assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        }
        try (Shop again = Shop.open(directory, Clock.systemUTC())) {
            assertEquals(1, again.catalog().count(), "the shop opens as it was");
        }
    }

    @Test
    void theSameShopOpenedTwiceInOneProcessIsRefusedToo() {
        try (TestShop open = new TestShop(directory)) {
            assertThrows(ShopInUseException.class, () -> Shop.open(directory, Clock.systemUTC()));
            assertEquals(2, open.shop.staff().all().size(), "the open shop goes on working");
        }
    }

    /** The desktop already running, in a process of its own. */
    public static final class OpenDesktop {
        public static void main(String[] args) throws InterruptedException {
            Shop.open(Path.of(args[0]), Clock.systemUTC());
            System.out.println("open");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
