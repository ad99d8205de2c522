package org.mpm.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API lives under {@code /api}, as MPM's. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "MicroPowerManager API", version = "1",
    description = "Wire-compatible with MicroPowerManager's Laravel backend."))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class JaxRsConfiguration extends Application {}
