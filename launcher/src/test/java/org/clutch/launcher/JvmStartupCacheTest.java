package org.clutch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
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
        List<String> first = cache.jvmOptions();
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache.file()), first);

        assertTrue(java(first, jar).contains(RAN), "the program ran");
        assertTrue(cache.exists(), "the run that ended normally left " + cache.file());

        List<String> second = cache.jvmOptions();
        assertEquals(List.of("-XX:AOTCache=" + cache.file()), second);
        // AOTMode=on turns a cache the JVM cannot use into a failed start, before the program runs
        String output = java(Stream.concat(second.stream(), Stream.of("-XX:AOTMode=on")).toList(), jar);
        assertTrue(output.contains(RAN), output);
    }

    @Test
    void aRebuiltJarGetsANewCacheAndTheOldOneIsDeleted() throws Exception {
        Path jar = jar(directory.resolve("app.jar"), "org/clutch/App.class", "version 1", "1.0.0.202612070255");
        JvmStartupCache before = JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of()).orElseThrow();
        before.jvmOptions();
        Files.writeString(before.file(), "a cache");
        Path otherProcess = Files.writeString(directory.resolve("cache").resolve("payara-0123456789abcdef.aot"), "kept");

        assertEquals(before.file(), JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of())
                .orElseThrow().file(), "the same jars find the same cache");
        JvmStartupCache firstTierOnly = JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(),
                List.of("-XX:TieredStopAtLevel=1")).orElseThrow();
        assertNotEquals(before.file(), firstTierOnly.file(), "other JVM options make another cache");

        rebuild(jar, "version 2"); // the same size: the JVM tells it by its time
        JvmStartupCache after = JvmStartupCache.of(directory.resolve("cache"), "broker", jar.toString(), List.of()).orElseThrow();
        assertNotEquals(before.file(), after.file());
        assertFalse(after.exists());
        assertEquals(List.of("-XX:AOTCacheOutput=" + after.file()), after.jvmOptions());
        assertFalse(Files.exists(before.file()), "the cache of the build before is deleted");
        assertTrue(Files.exists(otherProcess), "another process's cache is not");

        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=" + firstTierOnly.file()), firstTierOnly.jvmOptions(),
                "a cache is used with the options it was made for");
    }

    @Test
    void installedJarsKeepTheirCacheWhenABuildWritesTheSameClassesAgain() throws Exception {
        Path build = Files.createDirectories(directory.resolve("build"));
        Path app = jar(build.resolve("app.jar"), "org/clutch/App.class", "version 1", "1.0.0.202612070255");
        Path lib = jar(build.resolve("lib.jar"), "org/lib/Lib.class", "lib", "2.0.0");
        Path installation = directory.resolve("installed");
        String classpath = app + File.pathSeparator + lib;

        String installed = JvmStartupCache.install(classpath, installation);
        assertEquals(installation.resolve("app.jar") + File.pathSeparator + installation.resolve("lib.jar"), installed);
        String fingerprint = JvmStartupCache.fingerprint(installed, List.of());

        // a snapshot bundle built again: the same classes, a new jar with a new version stamp and time
        jar(app, "org/clutch/App.class", "version 1", "1.0.0.202612070257");
        rebuild(app, "version 1");
        assertEquals(installed, JvmStartupCache.install(classpath, installation));
        assertEquals(fingerprint, JvmStartupCache.fingerprint(installed, List.of()), "the installed copies are left as they were");

        rebuild(app, "version 2");
        JvmStartupCache.install(classpath, installation);
        assertNotEquals(fingerprint, JvmStartupCache.fingerprint(installed, List.of()), "changed classes are installed");
        assertEquals("version 2", read(installation.resolve("app.jar"), "org/clutch/App.class"));

        assertEquals(installation.resolve("app.jar").toString(), JvmStartupCache.install(app.toString(), installation));
        assertFalse(Files.exists(installation.resolve("lib.jar")), "a jar no longer on the class path is removed");
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

    /** The jar written again by a build, its one class now holding {@code content}, a minute later. */
    private static void rebuild(Path jar, String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(jar);
        String version;
        String entry;
        try (JarFile file = new JarFile(jar.toFile())) {
            version = file.getManifest().getMainAttributes().getValue("Bundle-Version");
            entry = file.stream().filter(e -> e.getName().endsWith(".class")).findFirst().orElseThrow().getName();
        }
        jar(jar, entry, content, version);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 60_000));
    }

    private static String read(Path jar, String entry) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new String(file.getInputStream(file.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
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
