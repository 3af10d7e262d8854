package org.clutch.web.openapi;

import org.clutch.accounts.ApiScope;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the OpenAPI document says that annotations cannot: the request bodies the business defines ({@link RecordSchemas})
 * and the partner key scheme with every scope there is, from {@link ApiScope} itself.
 */
public class ApiModel implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        OpenAPI model = OASFactory.createOpenAPI().components(OASFactory.createComponents());
        RecordSchemas.documentAll(model);
        model.getComponents().addSecurityScheme(Scopes.KEY_SCHEME, keyScheme());
        return model;
    }

    private static SecurityScheme keyScheme() {
        OAuthFlow exchange = OASFactory.createOAuthFlow().tokenUrl("/api/v1/auth/api-key");
        for (ApiScope scope : ApiScope.values()) {
            exchange.addScope(scope.value(), scope.description());
        }
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("A partner system's API key, exchanged at POST /api/v1/auth/api-key ({\"apiKey\": \"...\"}) for a "
                        + "short-lived bearer token bound to the key's scopes. An operation a key may call lists the scopes it "
                        + "needs here; a key's token is refused (403) everywhere else.")
                .flows(OASFactory.createOAuthFlows().clientCredentials(exchange));
    }
}
