package org.sutahsilat.domain.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.sutahsilat.domain.shared.BillingPeriod;

@Converter(autoApply = true)
public class BillingPeriodConverter implements AttributeConverter<BillingPeriod, String> {
    @Override
    public String convertToDatabaseColumn(BillingPeriod period) {
        return period == null ? null : period.toString();
    }

    @Override
    public BillingPeriod convertToEntityAttribute(String value) {
        return value == null ? null : BillingPeriod.parse(value);
    }
}
