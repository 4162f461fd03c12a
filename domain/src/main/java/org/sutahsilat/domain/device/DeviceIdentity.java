package org.sutahsilat.domain.device;

import org.sutahsilat.domain.tenant.TenantScope;

/**
 * Who a request authenticated by a device token acts as: the device, its institution (the only tenant the request
 * may see) and the READER user its readings are recorded for.
 */
public record DeviceIdentity(long deviceId, long institutionId, long userId, String name) {

    public TenantScope scope() {
        return TenantScope.of(institutionId);
    }
}
