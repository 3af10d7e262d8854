package org.clutch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * An ahead-of-time cache of the classes a JVM loads and links (JEP 483, Java 25's -XX:AOTCache), for a process that
 * must be back fast after it dies: a JVM started without one records what it loads and writes the cache when it ends
 * normally (-XX:AOTCacheOutput; a killed JVM writes nothing), and later starts of the same classes on the same JVM
 * map it instead of loading and linking each class again.
 * <p>
 * A cache only fits the exact JVM and classes it was made with, and the JVM itself checks little more than the
 * class path's names and sizes. So the cache's file name carries a fingerprint of the JVM, its options and what each
 * jar holds (every entry's name, size and CRC, and its manifest but for an OSGi bundle's version, which for a
 * snapshot ends in the time of the build; not the jar's time: each build writes the jars anew): a build that
 * changes a class gets a new cache, and the cache of the build before is deleted then. A cache the JVM cannot use
 * (cut short, say) is reported by the JVM and ignored, never fatal. Before Java 25 there are no options to add.
 */
public final class JvmStartupCache {

    /** The first Java release with -XX:AOTCacheOutput. */
    static final int FIRST_RELEASE = 25;

    private static final Attributes.Name BUILD_STAMPED = new Attributes.Name("Bundle-Version");

    private final Path file;

    private JvmStartupCache(Path file) {
        this.file = file;
    }

    /**
     * The cache for a JVM of this Java home running {@code classpath} (as given to -cp: entries split by the path
     * separator, {@code dir/*} for every jar in dir) with {@code jvmOptions}, kept in {@code directory} under
     * {@code name}; empty before Java 25.
     */
    public static Optional<JvmStartupCache> of(Path directory, String name, String classpath, List<String> jvmOptions) {
        if (Runtime.version().feature() < FIRST_RELEASE) {
            return Optional.empty();
        }
        return Optional.of(new JvmStartupCache(directory.resolve(name + "-" + fingerprint(classpath, jvmOptions) + ".aot")));
    }

    public Path file() {
        return file;
    }

    /** Whether an earlier run of the same classes on the same JVM ended normally and left its cache. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * The option that uses the cache, or, while there is none, makes this run write it when it ends normally; the
     * caches of other builds under the same name are deleted then.
     */
    public String jvmOption() {
        if (exists()) {
            return "-XX:AOTCache=" + file;
        }
        try {
            Files.createDirectories(file.getParent());
            String prefix = file.getFileName().toString().replaceFirst("-[0-9a-f]+\\.aot$", "-");
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), prefix + "*.aot")) {
                for (Path other : stale) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the JVM start-up cache " + file, e);
        }
        return "-XX:AOTCacheOutput=" + file;
    }

    static String fingerprint(String classpath, List<String> jvmOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            parts.add(System.getProperty("java.home"));
            parts.add(Runtime.version().toString());
            parts.addAll(jvmOptions);
            for (Path entry : entries(classpath)) {
                parts.add(entry.toAbsolutePath().toString());
                if (Files.isRegularFile(entry)) {
                    // what the jar holds, not when it was written: every build writes its jars anew
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        jar.stream().filter(e -> !e.getName().equals(JarFile.MANIFEST_NAME))
                                .forEach(e -> parts.add(e.getName() + ":" + e.getSize() + ":" + e.getCrc()));
                        Manifest manifest = jar.getManifest();
                        if (manifest != null) {
                            manifest.getMainAttributes().forEach((name, value) -> {
                                if (!BUILD_STAMPED.equals(name)) { // a snapshot bundle's version ends in its build's time
                                    parts.add(name + "=" + value);
                                }
                            });
                        }
                    }
                }
            }
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path " + classpath, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class path's files in the order the JVM reads them; a wildcard's jars in name order. */
    private static List<Path> entries(String classpath) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.endsWith("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jar")).sorted().forEach(files::add);
                }
            } else if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
                files.add(Path.of(entry));
            }
        }
        return files;
    }
}
