package org.sutahsilat.admin.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.sutahsilat.admin.ui.Messages;
import org.sutahsilat.domain.device.DeviceIdentity;
import org.sutahsilat.domain.device.DeviceToken;
import org.sutahsilat.domain.device.ReaderDeviceService;
import org.sutahsilat.domain.tenant.TenantContext;

import java.util.Optional;

/**
 * Authenticates every API request by its device token ({@code Authorization: Bearer <token>}): a missing,
 * malformed, unknown or revoked token (or a device whose reader lost the role) gets 401 with a JSON body, never a
 * redirect. A valid one sets the request's tenant scope to the device's institution and nothing else (whatever a
 * login session of the same client might allow). Pre-matching: even an unknown path answers 401 to a stranger.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class DeviceAuthFilter implements ContainerRequestFilter {

    @Inject
    ReaderDeviceService devices;
    @Inject
    TenantContext tenant;
    @Inject
    DeviceRequest deviceRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<DeviceIdentity> device = DeviceToken.fromAuthorizationHeader(
                request.getHeaderString(HttpHeaders.AUTHORIZATION)).flatMap(devices::authenticate);
        if (device.isEmpty()) {
            tenant.set(null);
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"su-tahsilat\"")
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ApiError("unauthorized", Messages.text(ApiLanguage.of(
                            request.getAcceptableLanguages()), "api.unauthorized")))
                    .build());
            return;
        }
        tenant.set(device.get().scope());
        deviceRequest.set(device.get());
    }
}
