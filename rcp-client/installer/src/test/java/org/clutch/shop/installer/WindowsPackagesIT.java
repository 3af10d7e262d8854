package org.clutch.shop.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Windows itself cannot run here, so the Windows archive and installer are checked by structure: what the executable
 * starts and with which Java, the Windows halves of SWT and the launcher, config.ini, every bundle resolving in an
 * OSGi framework told it runs on win32/x86_64, and the installer carrying the same program and an uninstaller.
 */
class WindowsPackagesIT {

    private static final Path PRODUCTS = Path.of(System.getProperty("clutch.products"));
    private static final Path INSTALLER = Path.of(System.getProperty("clutch.windows.installer"));
    private static final String ROOT = "Clutch Shop/";

    @TempDir
    static Path unpacked;
    private static Path program;

    @BeforeAll
    static void unpackTheWindowsArchive() throws IOException {
        try (ZipFile zip = new ZipFile(windowsArchive().toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(unpacked), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        program = unpacked.resolve(ROOT);
    }

    @Test
    void aDoubleClickedExecutableStartsTheDesktopWithoutAConsoleWindow() throws IOException {
        WindowsExecutable exe;
        try (InputStream in = Files.newInputStream(program.resolve("clutch-shop.exe"))) {
            exe = WindowsExecutable.read(in);
        }
        assertEquals(WindowsExecutable.GUI_SUBSYSTEM, exe.subsystem());
        List<String> settings = exe.asciiStrings();
        assertTrue(settings.contains("org.eclipse.equinox.launcher.Main"), "starts Equinox's launcher");

        String classPath = settings.stream().filter(s -> s.startsWith("%EXEDIR%\\")).filter(s -> s.endsWith(".jar"))
                .findFirst().orElseThrow();
        PathMatcher launcherJar = program.getFileSystem()
                .getPathMatcher("glob:" + classPath.substring("%EXEDIR%\\".length()).replace('\\', '/'));
        try (Stream<Path> files = Files.walk(program)) {
            List<Path> matched = files.map(program::relativize).filter(launcherJar::matches).toList();
            assertEquals(1, matched.size(), "exactly one launcher jar for " + classPath + ": " + matched);
            try (FileSystem jar = FileSystems.newFileSystem(program.resolve(matched.get(0)))) {
                assertTrue(Files.exists(jar.getPath("org/eclipse/equinox/launcher/Main.class")));
            }
        }

        String jvmOptions = settings.stream().filter(s -> s.contains("-Dclutch.shop.data=")).findFirst().orElseThrow();
        assertTrue(jvmOptions.contains("\"-Dclutch.shop.data=%ProgramData%\\Clutch Shop\""), jvmOptions);
        assertTrue(jvmOptions.contains("\"-Dfelix.cm.dir=%ProgramData%\\Clutch Shop\\devices\""), jvmOptions);
        assertTrue(settings.stream().anyMatch(s -> s.startsWith("-data \"%ProgramData%\\Clutch Shop\\workspace\"")
                && s.contains("-product org.clutch.shop.ui.product")));
        assertTrue(settings.stream().anyMatch(s -> s.contains("needs Java 21 or later") && s.contains("adoptium.net")),
                "says in plain words which Java to install");
    }

    @Test
    void theArchiveCarriesTheWindowsHalvesOfSwtAndTheLauncherAndNoLinuxOnes() throws IOException {
        Path swt = onlyPlugin("org.eclipse.swt.win32.win32.x86_64_*.jar");
        try (ZipFile fragment = new ZipFile(swt.toFile())) {
            assertTrue(fragment.stream().anyMatch(e -> e.getName().matches("swt-win32-\\d+r\\d+\\.dll")),
                    "the SWT fragment brings its Windows libraries");
        }
        Path launcher = onlyPlugin("org.eclipse.equinox.launcher.win32.win32.x86_64_*");
        try (Stream<Path> files = Files.list(launcher)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("eclipse_\\d+\\.dll")));
        }
        try (Stream<Path> plugins = Files.list(program.resolve("plugins"))) {
            assertFalse(plugins.anyMatch(p -> p.getFileName().toString().contains("gtk")), "nothing for Linux");
        }
        assertFalse(Files.exists(program.resolve("clutch-shop")), "not the Linux start script");
    }

    @Test
    void configIniStartsTheProductWithBundlesThatAreAllInTheArchive() throws IOException {
        Properties config = configIni();
        assertEquals("org.clutch.shop.ui.product", config.getProperty("eclipse.product"));
        assertEquals("org.eclipse.e4.ui.workbench.swt.E4Application", config.getProperty("eclipse.application"));
        assertTrue(Files.exists(program.resolve(config.getProperty("osgi.framework").substring("file:".length()))),
                "the framework named in config.ini is there");
        Map<String, String> startLevels = new HashMap<>();
        listedBundles(config).forEach(bundle -> startLevels.put(bundle.symbolicName(), bundle.start()));
        assertEquals("4:start", startLevels.get("org.clutch.shop.ui"));
        assertEquals("2:start", startLevels.get("org.apache.felix.scr"));
        for (Path bundle : bundleFiles(config)) {
            assertTrue(Files.exists(bundle), bundle + " is listed in config.ini and missing");
        }
    }

    @Test
    void everyBundleResolvesInAFrameworkRunningOnWindows() throws Exception {
        List<String> unresolved = unresolvedOnWindows(bundleFiles(configIni()));
        assertEquals(List.of(), unresolved);
    }

    @Test
    void theResolutionCheckCatchesABundleThatCannotRunOnWindows() throws Exception {
        List<Path> withGtk = new ArrayList<>(bundleFiles(configIni()));
        Path linuxPlugins = PRODUCTS.resolve("org.clutch.shop/linux/gtk/x86_64/plugins");
        try (Stream<Path> plugins = Files.list(linuxPlugins)) {
            withGtk.add(plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.swt.gtk.linux.x86_64_"))
                    .findFirst().orElseThrow());
        }
        assertEquals(List.of("org.eclipse.swt.gtk.linux.x86_64"), unresolvedOnWindows(withGtk));
    }

    @Test
    void theInstallerCarriesTheSameProgramAndWritesAnUninstaller() throws Exception {
        WindowsExecutable setup;
        try (InputStream in = Files.newInputStream(INSTALLER)) {
            setup = WindowsExecutable.read(in);
        }
        assertEquals(WindowsExecutable.GUI_SUBSYSTEM, setup.subsystem());

        // paths under the install folder; $PLUGINSDIR holds the installer's own helpers
        SortedSet<String> installed = new TreeSet<>();
        sevenZipListing(INSTALLER).stream().filter(p -> !p.startsWith("$PLUGINSDIR/")).forEach(installed::add);
        SortedSet<String> archived = new TreeSet<>();
        try (Stream<Path> files = Files.walk(program)) {
            files.filter(Files::isRegularFile).map(f -> program.relativize(f).toString().replace('\\', '/'))
                    .forEach(archived::add);
        }
        assertTrue(installed.remove("uninstall.exe"), "the installer writes an uninstaller");
        assertEquals(difference(archived, installed), difference(installed, archived), "only in the archive, only in the installer");
        assertTrue(installed.containsAll(List.of("clutch-shop.exe", "configuration/config.ini")));
    }

    private static SortedSet<String> difference(SortedSet<String> from, SortedSet<String> taken) {
        SortedSet<String> left = new TreeSet<>(from);
        left.removeAll(taken);
        return left;
    }

    private static Path windowsArchive() throws IOException {
        try (Stream<Path> files = Files.list(PRODUCTS)) {
            return files.filter(f -> f.getFileName().toString().matches("clutch-shop-.*-win32\\.win32\\.x86_64\\.zip"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Windows archive in " + PRODUCTS));
        }
    }

    private static Path onlyPlugin(String glob) throws IOException {
        try (var found = Files.newDirectoryStream(program.resolve("plugins"), glob)) {
            List<Path> plugins = new ArrayList<>();
            found.forEach(plugins::add);
            assertEquals(1, plugins.size(), glob + ": " + plugins);
            return plugins.get(0);
        }
    }

    private static Properties configIni() throws IOException {
        Properties config = new Properties();
        config.load(new StringReader(Files.readString(program.resolve("configuration/config.ini"), StandardCharsets.ISO_8859_1)));
        return config;
    }

    private static final Pattern BUNDLE = Pattern.compile("reference:file:([^@]+)(?:@(.+))?");

    /** A bundle as config.ini lists it: its file in the archive, its symbolic name and its start level and flag. */
    private record Listed(Path file, String symbolicName, String start) {
    }

    private static List<Listed> listedBundles(Properties config) {
        List<Listed> listed = new ArrayList<>();
        for (String entry : config.getProperty("osgi.bundles").split(",")) {
            Matcher bundle = BUNDLE.matcher(entry);
            assertTrue(bundle.matches(), entry);
            String file = bundle.group(1).replaceAll("/$", "");
            listed.add(new Listed(program.resolve("plugins").resolve(bundle.group(1)), file.substring(0, file.lastIndexOf('_')),
                    bundle.group(2)));
        }
        return listed;
    }

    private static List<Path> bundleFiles(Properties config) {
        return listedBundles(config).stream().map(Listed::file).toList();
    }

    /** Installs the bundles in a fresh Equinox that believes it runs on 64-bit Windows; those it cannot resolve. */
    private static List<String> unresolvedOnWindows(List<Path> bundles) throws BundleException, IOException, InterruptedException {
        Path storage = Files.createTempDirectory(unpacked, "framework");
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put("osgi.os", "win32");
        properties.put("osgi.ws", "win32");
        properties.put("osgi.arch", "x86_64");
        properties.put("osgi.nl", "en_US");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(properties);
        framework.init();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (Path bundle : bundles) {
                installed.add(context.installBundle("reference:" + bundle.toUri()));
            }
            framework.adapt(FrameworkWiring.class).resolveBundles(installed);
            return installed.stream().filter(b -> b.getState() == Bundle.INSTALLED).map(Bundle::getSymbolicName).toList();
        } finally {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** The paths an NSIS installer would write, as 7-Zip lists them (Debian: p7zip-full). */
    private static List<String> sevenZipListing(Path installer) throws IOException, InterruptedException {
        Process sevenZip = new ProcessBuilder("7z", "l", "-slt", installer.toString()).redirectErrorStream(true).start();
        String listing = new String(sevenZip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sevenZip.waitFor(), listing);
        List<String> paths = new ArrayList<>();
        boolean files = false;
        for (String line : listing.lines().toList()) {
            if (line.startsWith("----------")) {
                files = true;
            } else if (files && line.startsWith("Path = ")) {
                paths.add(line.substring("Path = ".length()).replace('\\', '/'));
            }
        }
        return paths;
    }
}
