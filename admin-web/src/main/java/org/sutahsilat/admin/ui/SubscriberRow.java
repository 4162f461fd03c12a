package org.sutahsilat.admin.ui;

import org.sutahsilat.domain.subscriber.SubscriberSummary;

import java.io.Serializable;

/**
 * A row of the subscriber table: {@link SubscriberSummary} with JavaBean getters, because Jakarta EL 5 (Jakarta
 * EE 10) cannot read record components as properties, and PrimeFaces' {@code field}/export need properties.
 */
public final class SubscriberRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SubscriberSummary summary;

    public SubscriberRow(SubscriberSummary summary) {
        this.summary = summary;
    }

    public long getId() {
        return summary.id();
    }

    public long getInstitutionId() {
        return summary.institutionId();
    }

    public String getSubscriberNo() {
        return summary.subscriberNo();
    }

    public String getFullName() {
        return summary.fullName();
    }

    public String getCategory() {
        return summary.category().name();
    }

    public String getStatus() {
        return summary.status().name();
    }

    /** Always masked (KVKK): the domain never hands out the full number in a list. */
    public String getMaskedPhone() {
        return summary.maskedPhone();
    }

    public String getRouteCode() {
        return summary.routeCode();
    }
}
