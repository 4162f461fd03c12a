package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentFilter;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.user.Role;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** payments.xhtml: the tenant-scoped, lazily loaded payment list with its filter bar, CSV export and row actions. */
@Named
@ViewScoped
public class PaymentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PaymentService paymentService;
    @Inject
    InstitutionRepository institutionRepository;

    private PaymentLazyModel model;
    private List<InstitutionOption> institutions;
    private Map<Long, String> institutionNames;
    private Long institutionId;
    private LocalDate from;
    private LocalDate to;
    private PaymentChannel channel;
    private String subscriberNo;
    /** "", "yes" (reversed payments and reversals) or "no" (payments in force). */
    private String reversed = "";

    @PostConstruct
    void init() {
        model = new PaymentLazyModel(paymentService, this::filter);
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        institutionNames = institutions.stream()
                .collect(Collectors.toMap(InstitutionOption::getId, InstitutionOption::getName, (a, b) -> a));
    }

    PaymentFilter filter() {
        Boolean r = "yes".equals(reversed) ? Boolean.TRUE : "no".equals(reversed) ? Boolean.FALSE : null;
        String no = subscriberNo == null || subscriberNo.isBlank() ? null : subscriberNo.trim();
        return new PaymentFilter(institutionId, from, to, channel, no, r);
    }

    /** "Filtrele": the table reads the filter on its next load. */
    public void apply() {
        model.setRowCount(0);
    }

    /** Operators and company admins may reverse a payment (the service checks again). */
    public boolean isCanReverse() {
        return CurrentUser.get().map(u -> u.hasRole(Role.OPERATOR) || u.hasRole(Role.COMPANY_ADMIN)).orElse(false);
    }

    public String institutionName(long id) {
        return institutionNames.getOrDefault(id, "");
    }

    public PaymentLazyModel getModel() {
        return model;
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public List<PaymentChannel> getChannels() {
        return List.of(PaymentChannel.values());
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public PaymentChannel getChannel() {
        return channel;
    }

    public void setChannel(PaymentChannel channel) {
        this.channel = channel;
    }

    public String getSubscriberNo() {
        return subscriberNo;
    }

    public void setSubscriberNo(String subscriberNo) {
        this.subscriberNo = subscriberNo;
    }

    public String getReversed() {
        return reversed;
    }

    public void setReversed(String reversed) {
        this.reversed = reversed == null ? "" : reversed;
    }
}
