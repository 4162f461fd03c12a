package org.sutahsilat.domain.device;

/** A device just registered and its token: the only moment the token exists outside the device. */
public record RegisteredDevice(ReaderDevice device, DeviceToken token) {
}
