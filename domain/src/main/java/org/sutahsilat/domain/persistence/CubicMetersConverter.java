package org.sutahsilat.domain.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.sutahsilat.domain.shared.CubicMeters;

@Converter(autoApply = true)
public class CubicMetersConverter implements AttributeConverter<CubicMeters, Long> {
    @Override
    public Long convertToDatabaseColumn(CubicMeters m3) {
        return m3 == null ? null : m3.value();
    }

    @Override
    public CubicMeters convertToEntityAttribute(Long value) {
        return value == null ? null : CubicMeters.of(value);
    }
}
