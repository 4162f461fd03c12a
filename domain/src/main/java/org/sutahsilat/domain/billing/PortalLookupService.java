package org.sutahsilat.domain.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberRepository;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.util.List;
import java.util.Optional;

/**
 * The public bill lookup: institution + subscriber number + the payment code printed on the bill. An unknown
 * number, a wrong code and a malformed input give the same empty answer, so the portal cannot be used to find
 * out which subscriber numbers exist. The lookup narrows the tenant scope to the chosen institution.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PortalLookupService {

    private static final PaymentCode DECOY = new PaymentCode("ZZZZ2222");

    private InstitutionRepository institutions;
    private SubscriberRepository subscribers;
    private BillRepository bills;
    private TenantContext tenant;

    protected PortalLookupService() {
    }

    @Inject
    public PortalLookupService(InstitutionRepository institutions, SubscriberRepository subscribers,
                               BillRepository bills, TenantContext tenant) {
        this.institutions = institutions;
        this.subscribers = subscribers;
        this.bills = bills;
        this.tenant = tenant;
    }

    /** Institutions a subscriber can pick (public facts). */
    public List<Institution> institutions() {
        return institutions.findActiveForPublicListing();
    }

    /**
     * For a request that proved its right to one subscriber's data (a signed access token): narrows the tenant scope
     * to that institution if it is active. False (and nothing narrowed) otherwise.
     */
    public boolean enter(long institutionId) {
        if (institutions.findActiveForPublic(institutionId).isEmpty()) {
            return false;
        }
        tenant.set(TenantScope.of(institutionId));
        return true;
    }

    public Optional<AccountStatement> lookup(long institutionId, String subscriberNo, String paymentCode) {
        Optional<Institution> institution = institutions.findActiveForPublic(institutionId);
        if (institution.isEmpty() || !SubscriberNo.isValid(subscriberNo)) {
            DECOY.matches(paymentCode);
            return Optional.empty();
        }
        tenant.set(TenantScope.of(institutionId));
        Optional<Subscriber> found = subscribers.findByNo(institutionId, SubscriberNo.of(subscriberNo));
        PaymentCode expected = found.map(Subscriber::getPaymentCode).orElse(DECOY);
        boolean codeMatches = expected.matches(paymentCode);
        if (found.isEmpty() || !codeMatches) {
            return Optional.empty();
        }
        Subscriber s = found.get();
        List<BillBalance> all = bills.balances(s.getId());
        List<BillBalance> open = all.stream().filter(BillBalance::isOpen).toList();
        Money debt = open.stream().map(BillBalance::open).reduce(Money.ZERO, Money::plus);
        return Optional.of(new AccountStatement(institutionId, institution.get().getName(),
                s.getSubscriberNo().value(), s.maskedName(), open, debt, s.getId(), all));
    }
}
