package org.sutahsilat.domain.subscriber;

import java.io.Serializable;

/** A row of the staff subscriber list. Phone is masked; TCKN and address are not part of the list. */
public record SubscriberSummary(long id, long institutionId, String subscriberNo, String fullName,
                                SubscriberCategory category, SubscriberStatus status, String maskedPhone,
                                String routeCode) implements Serializable {

    public static SubscriberSummary of(Subscriber s) {
        return new SubscriberSummary(s.getId(), s.getInstitutionId(), s.getSubscriberNo().value(), s.getFullName(),
                s.getCategory(), s.getStatus(), s.maskedPhone(), s.getRouteCode());
    }
}
