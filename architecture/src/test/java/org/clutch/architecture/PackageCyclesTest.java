package org.clutch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No module's packages import each other in a circle: each source root of the repository (backend modules, desktop
 * bundles, device bundles, tools) is read for its packages and their imports, and every strongly connected group
 * of more than one package is a failure naming the packages.
 */
class PackageCyclesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("clutch.sources", "..")).toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> noSourceRootHasAnImportCycle() throws IOException {
        List<Path> roots = sourceRoots();
        assertTrue(roots.size() >= 10, "the backend's, the desktop's and the devices' sources are found: " + roots);
        return roots.stream().map(root -> DynamicTest.dynamicTest(REPOSITORY.relativize(root).toString(), () -> {
            assertEquals(List.of(), PackageGraph.read(root).cycles(),
                    REPOSITORY.relativize(root) + " has packages that import each other in a circle");
        }));
    }

    @Test
    void aCycleIsFoundWhereTwoPackagesImportEachOther(@org.junit.jupiter.api.io.TempDir Path sources) throws IOException {
        write(sources, "a/One.java", "package a;\nimport b.Two;\nclass One { Two two; }\n");
        write(sources, "b/Two.java", "package b;\nimport static a.One.CONSTANT;\nclass Two { }\n");
        write(sources, "c/Three.java", "package c;\nimport a.One;\nimport java.util.List;\nclass Three { }\n");
        assertEquals(List.of(Set.of("a", "b")), PackageGraph.read(sources).cycles());
        write(sources, "b/Two.java", "package b;\nclass Two { }\n");
        assertFalse(PackageGraph.read(sources).cycles().iterator().hasNext());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }

    private static List<Path> sourceRoots() throws IOException {
        try (Stream<Path> paths = Files.walk(REPOSITORY, 6)) {
            return paths.filter(p -> p.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(p))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .sorted().toList();
        }
    }
}
