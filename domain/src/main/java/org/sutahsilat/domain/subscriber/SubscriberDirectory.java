package org.sutahsilat.domain.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;

/** The staff's view of subscribers, always within the tenant scope of the logged-in user. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubscriberDirectory {

    private SubscriberRepository subscribers;

    protected SubscriberDirectory() {
    }

    @Inject
    public SubscriberDirectory(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    public Page<SubscriberSummary> list(SubscriberFilter filter, PageRequest page) {
        return subscribers.search(filter, page).map(SubscriberSummary::of);
    }

    /** A subscriber within scope; outside the scope it does not exist. */
    public SubscriberSummary get(long id) {
        return subscribers.find(id).map(SubscriberSummary::of)
                .orElseThrow(() -> new NotFoundException("subscriber", id));
    }
}
