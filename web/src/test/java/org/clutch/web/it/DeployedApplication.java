package org.clutch.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/**
 * What every integration test class shares: the built WAR deployed once per class on Payara Micro (with the
 * PostgreSQL and Artemis that {@link IntegrationServices} started), a client of its API, and fresh fixtures of
 * their own tenant for each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedApplication {

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.create(ZipImporter.class, "clutch.war")
                .importFrom(new File(System.getProperty("clutch.war"))).as(WebArchive.class);
    }

    @ArquillianResource
    URL deployment;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void connect() {
        api = new Api(deployment);
        fixtures = new Fixtures();
    }
}
