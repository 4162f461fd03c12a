package org.sutahsilat.admin.api;

import jakarta.enterprise.context.RequestScoped;
import org.sutahsilat.domain.device.DeviceIdentity;

/** The device the current API request was authenticated as ({@link DeviceAuthFilter}). */
@RequestScoped
public class DeviceRequest {

    private DeviceIdentity device;

    void set(DeviceIdentity device) {
        this.device = device;
    }

    /** The authenticated device; the filter has refused the request without one. */
    public DeviceIdentity device() {
        if (device == null) {
            throw new IllegalStateException("no authenticated device in this request");
        }
        return device;
    }
}
