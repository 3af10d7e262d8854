package org.clutch.shop.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BundledMigrationsTest {

    @Test
    void theIndexNamesEverySqlFileOfTheFolderInVersionOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", BundledMigrations.FOLDER))) {
            var onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            assertEquals(onDisk, BundledMigrations.listed(getClass().getClassLoader()));
        }
    }

    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }
}
