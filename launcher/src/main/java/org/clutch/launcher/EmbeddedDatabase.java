package org.clutch.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven Central) on loopback, with its data kept in a directory so that
 * it survives restarts. Creates the application's role and database on first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, String database, String user, String password) {
        this.postgres = postgres;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDir, int port, String database, String user, String password) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, port, database, user, password);
        db.createRoleAndDatabase();
        return db;
    }

    private void createRoleAndDatabase() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                s.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            boolean dbExists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
            }
        } catch (SQLException e) {
            throw new IOException("cannot prepare database " + database, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
