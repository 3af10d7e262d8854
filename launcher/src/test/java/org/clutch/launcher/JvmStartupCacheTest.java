package org.clutch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's JVM start-up cache: written by a run that ends normally, used by the next start of the same build,
 * made again for a new build.
 */
class JvmStartupCacheTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onJava25() {
        assumeTrue(Runtime.version().feature() >= JvmStartupCache.FIRST_RELEASE, "no -XX:AOTCache before Java 25");
    }

    @Test
    void aRunThatEndsNormallyWritesTheCacheAndTheNextStartUsesIt() throws Exception {
        // a real program on a jar class path: the PostgreSQL driver prints its version and ends
        String jar = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JvmStartupCache cache = JvmStartupCache.of(directory, "probe", jar, List.of()).orElseThrow();
        assertFalse(cache.exists());
        String first = cache.jvmOption();
        assertEquals("-XX:AOTCacheOutput=" + cache.file(), first);

        assertTrue(java(List.of(first), jar).contains(RAN), "the program ran");
        assertTrue(cache.exists(), "the run that ended normally left " + cache.file());

        String second = cache.jvmOption();
        assertEquals("-XX:AOTCache=" + cache.file(), second);
        // AOTMode=on turns a cache the JVM cannot use into a failed start, before the program runs
        String output = java(List.of(second, "-XX:AOTMode=on"), jar);
        assertTrue(output.contains(RAN), output);
    }

    @Test
    void aBuildThatChangesAClassGetsANewCacheAndTheOldOneIsDeleted() throws Exception {
        Path jar = jar(directory.resolve("app.jar"), "org/clutch/App.class", "version 1", "1.0.0.202612070255");
        JvmStartupCache before = JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of()).orElseThrow();
        before.jvmOption();
        Files.writeString(before.file(), "a cache");
        Path otherProcess = Files.writeString(directory.resolve("cache").resolve("payara-0123456789abcdef.aot"), "kept");

        jar(jar, "org/clutch/App.class", "version 1", "1.0.0.202612070257"); // a snapshot bundle, built again
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals(before.file(), JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of())
                .orElseThrow().file(), "the same classes written again by a new build find the same cache");
        assertNotEquals(before.file(), JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(),
                List.of("-XX:TieredStopAtLevel=1")).orElseThrow().file(), "other JVM options make another cache");

        jar(jar, "org/clutch/App.class", "version 2", "1.0.0.202612070257"); // the same size: the JVM alone would map the old classes
        JvmStartupCache after = JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of()).orElseThrow();
        assertNotEquals(before.file(), after.file());
        assertFalse(after.exists());
        assertEquals("-XX:AOTCacheOutput=" + after.file(), after.jvmOption());
        assertFalse(Files.exists(before.file()), "the cache of the build before is deleted");
        assertTrue(Files.exists(otherProcess), "another process's cache is not");
    }

    @Test
    void aWildcardCountsEveryJarInItsDirectory() throws Exception {
        Path lib = Files.createDirectories(directory.resolve("lib"));
        jar(lib.resolve("a.jar"), "a/A.class", "a", "1");
        String classpath = lib + "/*";
        String before = JvmStartupCache.fingerprint(classpath, List.of());
        jar(lib.resolve("b.jar"), "b/B.class", "b", "1");
        assertNotEquals(before, JvmStartupCache.fingerprint(classpath, List.of()));
    }

    /** Writes a bundle's jar of one entry, as a build does: anew, with the time of writing. */
    private static Path jar(Path file, String entry, String content, String bundleVersion) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.clutch.app");
        manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
        try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** What the PostgreSQL driver's main class prints (it then ends with exit code 1, as a library's main does). */
    private static final String RAN = "PostgreSQL JDBC Driver";

    /** Runs the PostgreSQL driver's main class from {@code jar} with {@code options}; answers what it printed. */
    private static String java(List<String> options, String jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jar, "org.postgresql.util.PGJDBCMain"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the JVM ended");
        return output;
    }
}
