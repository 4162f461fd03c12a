package org.sutahsilat.admin.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;

/**
 * A decimal as staff type it on any keyboard: {@code 12,5} and {@code 12.5} alike (a phone's Turkish keypad offers the
 * comma, a desktop's numpad the point); with both, the last one is the decimal separator ({@code 1.234,56}). Shown
 * with the view language's separator, without grouping and without trailing zeros beyond two decimals.
 */
@FacesConverter("su.decimal")
public class DecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        return parse(value);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return format(value, DecimalFormatSymbols.getInstance(context.getViewRoot().getLocale()).getDecimalSeparator());
    }

    static BigDecimal parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip().replace(" ", "").replace("\u00a0", "");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("tariff.error.number", value), null));
        }
    }

    static String format(BigDecimal value, char decimalSeparator) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 2) {
            v = v.setScale(2);
        }
        return v.toPlainString().replace('.', decimalSeparator);
    }
}
