package org.clutch.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 256 KiB (a parts request of 50 lines is under 50 KiB): at once when the length is
 * declared, and while reading when it is not (chunked), before anything is parsed or stored.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final long LIMIT = 256 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            request.abortWith(Problem.of("payload-too-large", "Request body too large",
                    jakarta.ws.rs.core.Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body exceeds " + LIMIT + " bytes.").toResponse());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
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
            if (read > LIMIT) {
                throw new PayloadTooLargeException(LIMIT);
            }
        }
    }
}
