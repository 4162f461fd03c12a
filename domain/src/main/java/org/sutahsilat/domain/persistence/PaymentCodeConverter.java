package org.sutahsilat.domain.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.sutahsilat.domain.subscriber.PaymentCode;

@Converter(autoApply = true)
public class PaymentCodeConverter implements AttributeConverter<PaymentCode, String> {
    @Override
    public String convertToDatabaseColumn(PaymentCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public PaymentCode convertToEntityAttribute(String value) {
        return value == null ? null : new PaymentCode(value);
    }
}
