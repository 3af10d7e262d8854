package org.clutch.tenancy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A browser origin as CORS compares it: {@code https://host[:port]}, lower case, nothing after it. Plain {@code http} is
 * allowed only for the local machine, where apps are developed.
 */
public final class WebOrigin {

    public static final int MAX_PER_TENANT = 20;

    private WebOrigin() {
    }

    /** The origin as browsers send it in the {@code Origin} header, or empty when the text is not one we accept. */
    public static Optional<String> normalise(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean local = host.equals("localhost") || host.equals("127.0.0.1");
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (host.isEmpty() || !bare || !(scheme.equals("https") || scheme.equals("http") && local)) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
