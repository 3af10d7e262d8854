package org.clutch.shop.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.crypto.SecretKey;

import org.clutch.shop.Shop;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.PendingRestore;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.SaleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    Path data;
    @TempDir
    Path usbDisk;

    @Test
    void aBackupTakenWhileSalesGoOnRestoresExactlyWhatWasCommittedBeforeIt() throws Exception {
        List<String> confirmed = new CopyOnWriteArrayList<>();
        int before;
        int after;
        Set<UUID> sentBeforeBackup;
        Set<UUID> allEvents;
        BackupRecord backup;
        try (TestShop t = new TestShop(data)) {
            PartSummary pads = t.part("BP-100", "Brake pad set front", null, 250000, 450000, 100_000);
            t.shop.backups().configure(usbDisk, 14, PASSPHRASE, t.manager);
            AtomicBoolean selling = new AtomicBoolean(true);
            Thread till = Thread.ofPlatform().start(() -> {
                while (selling.get()) {
                    Cart cart = new Cart(t.shop.profile().tax());
                    cart.add(pads, 1);
                    confirmed.add(t.shop.sales().complete(cart, List.of(Tender.cash(450000)), t.clerk).number());
                }
            });
            while (confirmed.size() < 30) {
                Thread.sleep(5);
            }
            sentBeforeBackup = markSent(t.shop, 10); // what the sync had already delivered
            before = confirmed.size();
            backup = t.shop.backups().backUpNow(t.manager);
            after = confirmed.size();
            while (confirmed.size() < after + 20) {
                Thread.sleep(5);
            }
            selling.set(false);
            till.join();
            allEvents = eventIds(t.shop, "1 = 1");
        }
        assertTrue(Files.exists(backup.file()));
        assertTrue(backup.file().getFileName().toString().endsWith(".clutchbackup"));

        assertTrue(Backups.stage(data, backup.file(), PASSPHRASE).startsWith("the backup of "));
        try (Shop restored = Shop.open(data, Clock.systemUTC())) {
            List<String> numbers = saleNumbers(restored);
            assertTrue(numbers.size() >= before && numbers.size() <= after,
                    numbers.size() + " sales restored; " + before + " were committed when the backup began, " + after + " when it ended");
            assertEquals(Set.copyOf(confirmed.subList(0, numbers.size())), Set.copyOf(numbers),
                    "the sales committed before the backup, no others");
            for (String number : numbers) {
                assertEquals(SaleRecord.Status.COMPLETED, restored.sales().findByNumber(number).orElseThrow().status());
            }
            UUID pads = restored.catalog().findByNumber("BP-100").get(0).id();
            assertEquals(100_000 - numbers.size(), restored.inventory().onHand(pads), "stock as the restored sales left it");
            assertEquals(sentBeforeBackup, eventIds(restored, "sent_at IS NOT NULL"), "what was synced stays synced");
            Set<UUID> restoredEvents = eventIds(restored, "1 = 1");
            assertTrue(allEvents.containsAll(restoredEvents), "the outbox holds the same events, none made up");
            assertEquals(numbers.size(), eventIds(restored, "type = 'sales.sale-completed'").size(),
                    "every restored sale still waits to be synced (or was), once");
        }
        try (Stream<Path> files = Files.list(data)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("before-restore-")).findFirst().orElseThrow();
            assertTrue(Files.exists(aside.resolve("shop.mv.db")), "the database replaced is kept aside");
        }
    }

    @Test
    void aWrongPassphraseACutShortOrAlteredFileAndANewerVersionAreRefusedAndChangeNothing() throws Exception {
        BackupRecord backup;
        try (TestShop t = new TestShop(data)) {
            t.part("BP-100", "Brake pad set front", null, 250000, 450000, 10);
            t.shop.backups().configure(usbDisk, 14, PASSPHRASE, t.manager);
            backup = t.shop.backups().backUpNow(t.manager);
            t.part("BD-200", "Brake disc", null, 400000, 780000, 2); // after the backup

            assertRefused(t, backup.file(), "wrong passphrase".toCharArray(), "The passphrase does not open this backup.");

            byte[] whole = Files.readAllBytes(backup.file());
            Path cut = usbDisk.resolve("cut.clutchbackup");
            Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
            assertRefused(t, cut, PASSPHRASE, "The backup file is cut short");

            byte[] flipped = whole.clone();
            flipped[whole.length - 40] ^= 0x01;
            Path altered = usbDisk.resolve("altered.clutchbackup");
            Files.write(altered, flipped);
            assertRefused(t, altered, PASSPHRASE, "The backup file is damaged or was altered");

            Path newer = usbDisk.resolve("newer.clutchbackup");
            rewriteAsVersion(backup.file(), newer, ShopDatabase.knownSchemaVersion() + 1);
            assertRefused(t, newer, PASSPHRASE, "This backup was made by a newer version of Clutch shop");

            Path notABackup = usbDisk.resolve("holiday.clutchbackup");
            Files.writeString(notABackup, "photos");
            assertRefused(t, notABackup, PASSPHRASE, "This is not a Clutch shop backup.");
        }
        try (Shop same = Shop.open(data, Clock.systemUTC())) {
            assertEquals(2, same.catalog().count(), "nothing was restored");
        }
    }

    @Test
    void onlyAManagerSetsUpBacksUpAndRestoresWithAPassphraseWorthTheName() throws Exception {
        try (TestShop t = new TestShop(data)) {
            Backups backups = t.shop.backups();
            assertEquals("Only a shop manager can set up backups.",
                    assertThrows(RuleException.class, () -> backups.configure(usbDisk, 14, PASSPHRASE, t.clerk)).getMessage());
            assertEquals("The passphrase needs 10 characters or more.",
                    assertThrows(BackupException.class, () -> backups.configure(usbDisk, 14, "short".toCharArray(), t.manager)).getMessage());
            assertTrue(assertThrows(BackupException.class,
                    () -> backups.configure(usbDisk.resolve("unplugged"), 14, PASSPHRASE, t.manager)).getMessage()
                    .contains("cannot be reached"));
            assertEquals("Backups are not set up: choose a folder and a passphrase first.",
                    assertThrows(BackupException.class, () -> backups.backUpNow(t.manager)).getMessage());
            assertFalse(backups.settings().isSetUp(), "nothing refused was kept");

            backups.configure(usbDisk, 14, PASSPHRASE, t.manager);
            assertEquals("Only a shop manager can back up the shop.",
                    assertThrows(RuleException.class, () -> backups.backUpNow(t.clerk)).getMessage());
            BackupRecord made = backups.backUpNow(t.manager);
            assertEquals("Only a shop manager can restore a backup.",
                    assertThrows(RuleException.class, () -> backups.prepareRestore(made.file(), PASSPHRASE, t.clerk)).getMessage());
            assertEquals(Optional.empty(), PendingRestore.waiting(data));
        }
    }

    @Test
    void dailyBackupsKeepTheNewestOfThisShopAndWarnWhenOldOrUnreachable() throws Exception {
        try (TestShop t = new TestShop(data)) {
            Backups backups = t.shop.backups();
            assertEquals(Optional.of("Backups are not set up"), backups.health().warning());
            assertEquals(Optional.empty(), backups.backUpIfDue(), "nothing to do before they are set up");
            backups.configure(usbDisk, 2, PASSPHRASE, t.manager);
            Path otherShop = usbDisk.resolve("other-shop-20261101-080000.clutchbackup");
            Files.copy(backups.backUpNow(t.manager).file(), otherShop);
            rewriteAsShop(otherShop, "Other shop");

            assertEquals(Optional.empty(), backups.backUpIfDue(), "one a day");
            for (int day = 1; day <= 3; day++) {
                t.clock.advanceDays(1);
                assertTrue(backups.backUpIfDue().isPresent(), "due after a day");
            }
            List<BackupRecord> kept = backups.inFolder();
            assertEquals(3, kept.size(), "two of this shop, and the other shop's untouched: " + kept);
            assertEquals(List.of(t.clock.instant(), t.clock.instant().minusSeconds(86_400)),
                    kept.stream().filter(b -> !b.shopName().equals("Other shop")).map(BackupRecord::createdAt).toList());
            assertEquals(Optional.empty(), backups.health().warning());

            t.clock.advanceDays(2);
            assertEquals(Optional.of("Last backup 2 days ago"), backups.health().warning());
            Path renamed = usbDisk.resolveSibling(usbDisk.getFileName() + "-away");
            Files.move(usbDisk, renamed);
            try {
                assertEquals(Optional.of("Backup folder " + usbDisk.toAbsolutePath() + " cannot be reached"), backups.health().warning());
                BackupException unplugged = assertThrows(BackupException.class, backups::backUpIfDue);
                assertTrue(unplugged.getMessage().contains("Is the USB disk plugged in"), unplugged.getMessage());
                assertEquals(Optional.of(unplugged.getMessage()), backups.lastFailure());
            } finally {
                Files.move(renamed, usbDisk);
            }
            assertTrue(backups.backUpIfDue().isPresent());
            assertEquals(Optional.empty(), backups.lastFailure(), "a good backup since");
        }
    }

    private static void assertRefused(TestShop t, Path file, char[] passphrase, String why) {
        BackupException refused = assertThrows(BackupException.class, () -> t.shop.backups().prepareRestore(file, passphrase, t.manager));
        assertTrue(refused.getMessage().startsWith(why), refused.getMessage());
        assertEquals(Optional.empty(), PendingRestore.waiting(t.shop.database().directory()), "nothing waits to be restored");
        assertFalse(Files.exists(PendingRestore.stagingFolder(t.shop.database().directory())), "nothing left half unpacked");
    }

    /** The same backup under a header claiming another database version (as a newer desktop would write). */
    private static void rewriteAsVersion(Path from, Path to, int version) throws IOException {
        rewrite(from, to, version, null);
    }

    private static void rewriteAsShop(Path file, String shopName) throws IOException {
        Path copy = Files.createTempFile(file.getParent(), "copy", ".tmp");
        rewrite(file, copy, -1, shopName);
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void rewrite(Path from, Path to, int version, String shopName) throws IOException {
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        BackupFile.Header header;
        SecretKey key;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(from)))) {
            header = BackupFile.readHeader(in);
            key = BackupFile.deriveKey(PASSPHRASE, header.salt(), header.iterations());
            BackupFile.read(header, key, in, plain);
        }
        BackupFile.Header changed = BackupFile.newHeader(version < 0 ? header.schemaVersion() : version, header.createdAt(),
                shopName == null ? header.shopName() : shopName, key, header.salt(), header.iterations());
        try (InputStream in = new java.io.ByteArrayInputStream(plain.toByteArray()); OutputStream out = Files.newOutputStream(to)) {
            BackupFile.write(changed, key, in, out);
        }
    }

    private static Set<UUID> markSent(Shop shop, int count) {
        return shop.database().inTransaction(c -> {
            Set<UUID> sent = new HashSet<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT id FROM outbox_event ORDER BY seq LIMIT " + count)) {
                while (rows.next()) {
                    sent.add(rows.getObject(1, UUID.class));
                }
            }
            c.createStatement().executeUpdate("UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP WHERE seq IN "
                    + "(SELECT seq FROM outbox_event ORDER BY seq LIMIT " + count + ")");
            return sent;
        });
    }

    private static Set<UUID> eventIds(Shop shop, String condition) {
        return shop.database().read(c -> {
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT id FROM outbox_event WHERE " + condition)) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    private static List<String> saleNumbers(Shop shop) {
        return shop.database().read(c -> {
            List<String> numbers = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT number FROM sale")) {
                while (rows.next()) {
                    numbers.add(rows.getString(1));
                }
            }
            return numbers;
        });
    }
}
