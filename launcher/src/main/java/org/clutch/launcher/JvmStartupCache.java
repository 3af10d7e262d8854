package org.clutch.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * A cache only fits the JVM and the class path it was made with: the JVM refuses it (with a warning, never fatally)
 * once a jar's size or time differ. So the cache's file name carries a fingerprint of the JVM, its options and each
 * class path file's name, size and time: a new build or JVM gets a new cache, and the caches of the builds before
 * are deleted then. Before Java 25 there are no options to add.
 * <p>
 * A build writes every jar anew, classes changed or not. A process run from a build tree that is rebuilt before each
 * start (the benchmark) keeps its cache by running from {@link #install installed} copies of the jars.
 */
public final class JvmStartupCache {

    /** The first Java release with -XX:AOTCacheOutput. */
    static final int FIRST_RELEASE = 25;

    /** A snapshot bundle's version ends in the time of its build; the JVM does not read it. */
    private static final Attributes.Name BUILD_STAMPED = new Attributes.Name("Bundle-Version");

    private final Path file;
    /** Every cache of the same name, this build's and the ones before. */
    private final String sameName;
    private final List<String> jvmOptions;

    private JvmStartupCache(Path file, String sameName, List<String> jvmOptions) {
        this.file = file;
        this.sameName = sameName;
        this.jvmOptions = List.copyOf(jvmOptions);
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
        Path file = directory.resolve(name + "-" + fingerprint(classpath, jvmOptions) + ".aot");
        return Optional.of(new JvmStartupCache(file, name + "-*.aot", jvmOptions));
    }

    public Path file() {
        return file;
    }

    /** Whether an earlier run of the same classes on the same JVM ended normally and left its cache. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * The JVM options the cache was made for, and the one that uses it or, while there is none, makes this run write
     * it when it ends normally; the caches of other builds under the same name are deleted then.
     */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(jvmOptions);
        if (exists()) {
            options.add("-XX:AOTCache=" + file);
            return options;
        }
        try {
            Files.createDirectories(file.getParent());
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), sameName)) {
                for (Path other : stale) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the JVM start-up cache " + file, e);
        }
        options.add("-XX:AOTCacheOutput=" + file);
        return options;
    }

    /**
     * Copies the jars of {@code classpath} into {@code directory}, as installing them on a host would, and answers
     * the class path of the copies. A copy whose classes are those of the jar already there (the same entries, sizes
     * and CRCs, the same manifest but for a bundle's build-stamped version) is left as it is, with its time, so that
     * a cache made with it stays valid; jars no longer on the class path are removed.
     */
    public static String install(String classpath, Path directory) {
        try {
            Files.createDirectories(directory);
            List<String> installed = new ArrayList<>();
            List<Path> jars = entries(classpath).stream().filter(Files::isRegularFile).toList();
            for (Path jar : jars) {
                Path copy = directory.resolve(jar.getFileName());
                if (!Files.exists(copy) || !classes(copy).equals(classes(jar))) {
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                installed.add(copy.toString());
            }
            try (Stream<Path> present = Files.list(directory)) {
                for (Path gone : present.filter(p -> !installed.contains(p.toString())).toList()) {
                    Files.delete(gone);
                }
            }
            return String.join(File.pathSeparator, installed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the class path " + classpath + " into " + directory, e);
        }
    }

    /** What a jar holds for the JVM, whenever it was written. */
    private static List<String> classes(Path jar) throws IOException {
        List<String> parts = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().filter(e -> !e.getName().equals(JarFile.MANIFEST_NAME))
                    .forEach(e -> parts.add(e.getName() + ":" + e.getSize() + ":" + e.getCrc()));
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                manifest.getMainAttributes().forEach((name, value) -> {
                    if (!BUILD_STAMPED.equals(name)) {
                        parts.add(name + "=" + value);
                    }
                });
            }
        }
        return parts;
    }

    static String fingerprint(String classpath, List<String> jvmOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            parts.add(System.getProperty("java.home"));
            parts.add(Runtime.version().toString());
            parts.addAll(jvmOptions);
            for (Path entry : entries(classpath)) {
                parts.add(entry.toAbsolutePath() + ":" + Files.size(entry) + ":" + Files.getLastModifiedTime(entry).toMillis());
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

    /** The class path's files; a wildcard's jars sorted by name (the JVM takes them in the directory's order). */
    private static List<Path> entries(String classpath) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
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
