package org.clutch.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API for the mobile apps: JSON over HTTP, bearer JWTs (MicroProfile JWT). A CDI bean so that the
 * MP-JWT extension sees {@link LoginConfig} under annotated bean discovery.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.SHOP_STAFF, Roles.SHOP_MANAGER, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Clutch marketplace API", version = "1",
                description = "Car owners request parts; nearby shops quote; the owner accepts one. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ClutchApplication extends Application {
}
