package org.clutch.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.clutch.catalog.CatalogFeed;
import org.clutch.tenancy.ShopDocument;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 256 KiB (a parts request of 50 lines is under 50 KiB; uploaded documents 5 MiB; a
 * supplier's catalog feed batch 8 MiB): at once when the length is declared, and while reading when it is not
 * (chunked), before anything is parsed or stored.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final long LIMIT = 256 * 1024;
    /** Room for a feed batch of {@link CatalogFeed#MAX_ITEMS} items with their attributes and fitment. */
    static final long CATALOG_FEED_LIMIT = 8 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getUriInfo().getPath());
        if (request.getLength() > limit) {
            request.abortWith(Problem.of("payload-too-large", "Request body too large",
                    jakarta.ws.rs.core.Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body exceeds " + limit + " bytes.").toResponse());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    /** Uploaded documents (scans, photos) and catalog feed batches may be larger than any other body. */
    static long limitFor(String path) {
        if (path.endsWith("/documents")) {
            return ShopDocument.MAX_BYTES;
        }
        return path.endsWith("supplier/catalog-feed") ? CATALOG_FEED_LIMIT : LIMIT;
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
