package org.clutch.web.live;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A context class loader that loads everything as the application's does, except that it lists no Jakarta
 * Concurrency thread-context providers. Every asynchronous WebSocket send makes Tyrus schedule its idle-timeout task
 * on Payara's managed scheduled executor, which captures the caller's context and, doing so, looks those providers
 * up with {@link java.util.ServiceLoader} through the context class loader: a scan of every jar of Payara's
 * runtime for a file that none of them holds, a large share of a fan-out's CPU (docs/benchmarks.md). Neither Payara nor
 * this application provides one, so answering "none" at once changes nothing else.
 */
final class WithoutThreadContextProviders extends ClassLoader {

    private static final String PROVIDERS = "META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider";

    private static final WithoutThreadContextProviders LOADER =
            new WithoutThreadContextProviders(WithoutThreadContextProviders.class.getClassLoader());

    private WithoutThreadContextProviders(ClassLoader application) {
        super(application);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return PROVIDERS.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    /** Runs {@code work} on this thread with this loader as its context class loader. */
    static void run(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
