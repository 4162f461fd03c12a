package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Where a reading was taken (WGS84 degrees, 6 decimals as in {@code reading.gps_lat/gps_lng}). Immutable. */
public record GpsPosition(BigDecimal latitude, BigDecimal longitude) {

    private static final BigDecimal LAT_LIMIT = BigDecimal.valueOf(90);
    private static final BigDecimal LNG_LIMIT = BigDecimal.valueOf(180);

    public GpsPosition {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        if (latitude.abs().compareTo(LAT_LIMIT) > 0 || longitude.abs().compareTo(LNG_LIMIT) > 0) {
            throw new DomainException("error.reading.gpsInvalid",
                    "invalid GPS position: " + latitude + ", " + longitude, latitude, longitude);
        }
        latitude = latitude.setScale(6, RoundingMode.HALF_UP);
        longitude = longitude.setScale(6, RoundingMode.HALF_UP);
    }

    public static GpsPosition of(String latitude, String longitude) {
        return new GpsPosition(new BigDecimal(latitude), new BigDecimal(longitude));
    }
}
