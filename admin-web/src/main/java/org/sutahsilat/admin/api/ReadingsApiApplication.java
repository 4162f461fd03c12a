package org.sutahsilat.admin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON REST API of the handheld reading devices, at {@code /admin/api/v1} (docs/readings-api.md). Every request
 * is authenticated by a device token ({@link DeviceAuthFilter}); Shiro lets {@code /api/**} through without a login
 * session and without creating one.
 */
@ApplicationPath("api/v1")
public class ReadingsApiApplication extends Application {
}
