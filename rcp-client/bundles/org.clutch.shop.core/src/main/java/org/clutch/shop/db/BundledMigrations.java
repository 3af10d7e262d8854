package org.clutch.shop.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the local database's migrations from {@code db/shop/migrations.txt}, one file name per line.
 * Flyway's own classpath scanning cannot look inside another OSGi bundle, so the list is explicit (a unit test
 * checks it names every SQL file in the folder).
 */
final class BundledMigrations implements ResourceProvider {

    static final String FOLDER = "db/shop/";
    static final String INDEX = FOLDER + "migrations.txt";

    private final ClassLoader loader;
    private final List<LoadableResource> migrations = new ArrayList<>();

    BundledMigrations(ClassLoader loader) {
        this.loader = loader;
        for (String name : listed(loader)) {
            migrations.add(new Migration(name));
        }
    }

    static List<String> listed(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException(INDEX + " is missing from the shop core bundle");
            }
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the newest bundled migration brings the database to (V13__... is 13). */
    static int newestVersion(ClassLoader loader) {
        return listed(loader).stream().mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max()
                .orElse(0);
    }

    @Override
    public LoadableResource getResource(String name) {
        return migrations.stream().filter(m -> m.getRelativePath().equals(name) || m.getFilename().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource m : migrations) {
            if (!m.getFilename().startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (m.getFilename().endsWith(suffix)) {
                    matching.add(m);
                    break;
                }
            }
        }
        return matching;
    }

    private final class Migration extends LoadableResource {
        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(FOLDER + name);
            if (in == null) {
                throw new IllegalStateException("migration " + FOLDER + name + " is listed but missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
