package org.sutahsilat.domain.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sutahsilat.domain.security.PersonalDataCipher;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.Instant;
import java.util.Optional;

/** Abone: a water subscriber of one institution. TCKN is kept encrypted, with a keyed hash for search. */
@Entity
@Table(name = "subscriber")
public class Subscriber extends TenantOwned {

    @Column(name = "subscriber_no", nullable = false, updatable = false, length = 20)
    private String subscriberNo;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriberCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriberStatus status;
    @Column(name = "tckn_encrypted")
    private byte[] tcknEncrypted;
    @Column(name = "tckn_hash")
    private byte[] tcknHash;
    private String phone;
    private String address;
    @Column(name = "payment_code", nullable = false, length = 12)
    private PaymentCode paymentCode;
    @Column(name = "route_code")
    private String routeCode;
    @Column(name = "route_order")
    private Integer routeOrder;
    @Column(name = "sms_opt_out", nullable = false)
    private boolean smsOptOut;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Subscriber() {
    }

    public static Subscriber register(long institutionId, SubscriberNo no, String fullName, SubscriberCategory category,
                                      PaymentCode paymentCode, Instant now) {
        Subscriber s = new Subscriber(institutionId);
        s.subscriberNo = no.value();
        s.fullName = fullName.trim();
        s.category = category;
        s.status = SubscriberStatus.ACTIVE;
        s.paymentCode = paymentCode;
        s.createdAt = now;
        return s;
    }

    private Subscriber(long institutionId) {
        super(institutionId);
    }

    public void recordTckn(Tckn tckn, PersonalDataCipher cipher) {
        this.tcknEncrypted = cipher.encrypt(tckn.value());
        this.tcknHash = cipher.hash(tckn.value());
    }

    public Optional<Tckn> tckn(PersonalDataCipher cipher) {
        return tcknEncrypted == null ? Optional.empty() : Optional.of(Tckn.of(cipher.decrypt(tcknEncrypted)));
    }

    public void contactDetails(String phone, String address) {
        this.phone = phone;
        this.address = address;
    }

    public void assignRoute(String routeCode, Integer routeOrder) {
        this.routeCode = routeCode;
        this.routeOrder = routeOrder;
    }

    public String maskedName() {
        return PersonalDataMasking.name(fullName);
    }

    public String maskedPhone() {
        return PersonalDataMasking.phone(phone);
    }

    public SubscriberNo getSubscriberNo() {
        return SubscriberNo.of(subscriberNo);
    }

    public String getFullName() {
        return fullName;
    }

    public SubscriberCategory getCategory() {
        return category;
    }

    public SubscriberStatus getStatus() {
        return status;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public PaymentCode getPaymentCode() {
        return paymentCode;
    }

    public String getRouteCode() {
        return routeCode;
    }

    public Integer getRouteOrder() {
        return routeOrder;
    }

    public boolean isSmsOptOut() {
        return smsOptOut;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
