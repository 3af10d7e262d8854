package org.clutch.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Declares the application's PostgreSQL data source and brings its schema up to date with Flyway before
 * anything else runs. Flyway owns the schema; EclipseLink never generates DDL. With {@code clutch.demo-data}
 * the repeatable demo-data script is applied too.
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        // NULLs of converted columns (nullable uuid) are bound as varchar; let the server infer their type.
        properties = {"stringType=unspecified"},
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
@DependsOn("SecretsCheck")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    /** The application's data source, defined above; every EJB and the persistence unit use it. */
    public static final String DATA_SOURCE = "java:app/jdbc/clutch";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "clutch.demo-data", defaultValue = "false")
    boolean demoData;

    @PostConstruct
    void migrate() {
        String[] locations = demoData
                ? new String[] {"classpath:db/migration", "classpath:db/demo"}
                : new String[] {"classpath:db/migration"};
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                // A database once started with demo data may later run without it: the demo script is then
                // applied but not on the class path, which is fine. Versioned migrations stay strict.
                .ignoreMigrationPatterns("repeatable:missing")
                .load()
                .migrate();
        LOG.info(() -> "event=db-migrated applied=" + result.migrationsExecuted + " schemaVersion=" + result.targetSchemaVersion
                + " demoData=" + demoData);
    }
}
