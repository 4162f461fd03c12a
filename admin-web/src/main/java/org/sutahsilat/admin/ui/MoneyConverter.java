package org.sutahsilat.admin.ui;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.sutahsilat.domain.shared.Money;

/** Shows {@link Money} as people read it in the view's language: {@code ₺1.234,56} in Turkish. Output only. */
@FacesConverter(forClass = Money.class)
public class MoneyConverter implements Converter<Money> {

    @Override
    public Money getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("money is shown, not entered, with this converter");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Money value) {
        return value == null ? "" : value.format(context.getViewRoot().getLocale());
    }
}
