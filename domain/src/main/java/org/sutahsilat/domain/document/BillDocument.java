package org.sutahsilat.domain.document;

import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a printed bill shows (domain.md, "A bill shows: ..."), as plain values ready to be laid out: no entity,
 * no lazy loading, no framework. Texts are already in the bill's language (line descriptions come from
 * {@code BillLineTexts}); the subscriber's name is already masked.
 *
 * @param institutionName      the institution (kurum) that bills
 * @param subscriberNo         abone no
 * @param maskedName           the subscriber's masked name ({@code Subscriber.maskedName()})
 * @param address              the subscriber's address; null when none is recorded
 * @param category             abone grubu
 * @param meterSerial          the meter's serial number; null when none is recorded
 * @param previousIndex        ilk endeks (m³)
 * @param previousIndexDate    the day of the previous reading; null for a first reading
 * @param currentIndex         son endeks (m³)
 * @param currentIndexDate     the day of this reading
 * @param estimatedReading     true when the current index is an estimate (no access, broken meter)
 * @param consumptionM3        tüketim billed, m³ (not always current − previous: rollover, replacement, true-up)
 * @param period               the billing period
 * @param lines                the bill's lines in order: tiers, minimum charge, wastewater, fixed fee, ÇTV, KDV
 * @param periodTotal          the sum of the lines (the bill's total)
 * @param previousDebt         unpaid debt of earlier bills
 * @param lateSurcharge        gecikme zammı on that debt
 * @param creditApplied        what was already paid on this bill when it was made: an earlier overpayment (credit)
 *                             spent on it by the billing run; deducted from the amount to pay
 * @param amountToPay          ödenecek tutar
 * @param dueDate              son ödeme tarihi
 * @param paymentCode          the code the portal asks for together with the subscriber number
 * @param billNo               fatura no (per institution)
 * @param issueDate            fatura tarihi
 * @param portalUrl            this bill's payment page, printed as a QR code
 */
public record BillDocument(String institutionName, SubscriberNo subscriberNo, String maskedName, String address,
                           SubscriberCategory category, String meterSerial, long previousIndex,
                           LocalDate previousIndexDate, long currentIndex, LocalDate currentIndexDate,
                           boolean estimatedReading, long consumptionM3, BillingPeriod period, List<Line> lines,
                           Money periodTotal, Money previousDebt, Money lateSurcharge, Money creditApplied,
                           Money amountToPay,
                           LocalDate dueDate, PaymentCode paymentCode, String billNo, LocalDate issueDate,
                           URI portalUrl) {

    /**
     * One printed line of the bill.
     *
     * @param kind        what the line charges
     * @param description the line's text in the bill's language
     * @param quantity    m³ (or a count for a fee); null where the line has no quantity (a share, KDV)
     * @param unitPrice   TRY per unit; null where the line has no unit price
     * @param amount      the line's amount, rounded to the kuruş
     */
    public record Line(BillLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                       Money amount) {

        public Line {
            Objects.requireNonNull(kind, "kind");
            requireText(description, "description");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public BillDocument {
        requireText(institutionName, "institutionName");
        Objects.requireNonNull(subscriberNo, "subscriberNo");
        requireText(maskedName, "maskedName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(currentIndexDate, "currentIndexDate");
        if (previousIndex < 0 || currentIndex < 0 || consumptionM3 < 0) {
            throw new IllegalArgumentException("meter indexes and consumption cannot be negative");
        }
        Objects.requireNonNull(period, "period");
        lines = List.copyOf(lines);
        Objects.requireNonNull(periodTotal, "periodTotal");
        Money sum = lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
        if (!sum.equals(periodTotal)) {
            throw new IllegalArgumentException("period total " + periodTotal + " is not the sum of the lines " + sum);
        }
        Objects.requireNonNull(previousDebt, "previousDebt");
        Objects.requireNonNull(lateSurcharge, "lateSurcharge");
        Objects.requireNonNull(creditApplied, "creditApplied");
        if (creditApplied.isNegative() || creditApplied.compareTo(periodTotal) > 0) {
            throw new IllegalArgumentException("credit applied " + creditApplied + " is not within the period total "
                    + periodTotal);
        }
        Objects.requireNonNull(amountToPay, "amountToPay");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(paymentCode, "paymentCode");
        requireText(billNo, "billNo");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(portalUrl, "portalUrl");
        if (!portalUrl.isAbsolute()) {
            throw new IllegalArgumentException("the portal URL must be absolute: " + portalUrl);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /**
     * Builds a {@link BillDocument}. The period total defaults to the sum of the lines, the previous debt and the
     * surcharge and the credit applied to zero, and the amount to pay to period total + previous debt + surcharge
     * − credit applied.
     */
    public static final class Builder {

        private String institutionName;
        private SubscriberNo subscriberNo;
        private String maskedName;
        private String address;
        private SubscriberCategory category;
        private String meterSerial;
        private long previousIndex;
        private LocalDate previousIndexDate;
        private long currentIndex;
        private LocalDate currentIndexDate;
        private boolean estimatedReading;
        private Long consumptionM3;
        private BillingPeriod period;
        private final List<Line> lines = new ArrayList<>();
        private Money periodTotal;
        private Money previousDebt = Money.ZERO;
        private Money lateSurcharge = Money.ZERO;
        private Money creditApplied = Money.ZERO;
        private Money amountToPay;
        private LocalDate dueDate;
        private PaymentCode paymentCode;
        private String billNo;
        private LocalDate issueDate;
        private URI portalUrl;

        private Builder() {
        }

        public Builder institutionName(String value) {
            institutionName = value;
            return this;
        }

        public Builder subscriber(SubscriberNo no, String masked) {
            subscriberNo = no;
            maskedName = masked;
            return this;
        }

        public Builder address(String value) {
            address = value;
            return this;
        }

        public Builder category(SubscriberCategory value) {
            category = value;
            return this;
        }

        public Builder meterSerial(String value) {
            meterSerial = value;
            return this;
        }

        public Builder previousIndex(long index, LocalDate readOn) {
            previousIndex = index;
            previousIndexDate = readOn;
            return this;
        }

        public Builder currentIndex(long index, LocalDate readOn) {
            currentIndex = index;
            currentIndexDate = readOn;
            return this;
        }

        public Builder estimatedReading(boolean value) {
            estimatedReading = value;
            return this;
        }

        /** Defaults to current − previous index when not given. */
        public Builder consumptionM3(long value) {
            consumptionM3 = value;
            return this;
        }

        public Builder period(BillingPeriod value) {
            period = value;
            return this;
        }

        public Builder line(BillLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                            Money amount) {
            lines.add(new Line(kind, description, quantity, unitPrice, amount));
            return this;
        }

        public Builder line(Line line) {
            lines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        public Builder periodTotal(Money value) {
            periodTotal = value;
            return this;
        }

        public Builder previousDebt(Money value) {
            previousDebt = value;
            return this;
        }

        public Builder lateSurcharge(Money value) {
            lateSurcharge = value;
            return this;
        }

        public Builder creditApplied(Money value) {
            creditApplied = value;
            return this;
        }

        public Builder amountToPay(Money value) {
            amountToPay = value;
            return this;
        }

        public Builder dueDate(LocalDate value) {
            dueDate = value;
            return this;
        }

        public Builder paymentCode(PaymentCode value) {
            paymentCode = value;
            return this;
        }

        public Builder billNo(String value) {
            billNo = value;
            return this;
        }

        public Builder issueDate(LocalDate value) {
            issueDate = value;
            return this;
        }

        public Builder portalUrl(URI value) {
            portalUrl = value;
            return this;
        }

        public BillDocument build() {
            Money total = periodTotal != null ? periodTotal
                    : lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
            Money toPay = amountToPay != null ? amountToPay
                    : total.plus(Objects.requireNonNull(previousDebt, "previousDebt"))
                            .plus(Objects.requireNonNull(lateSurcharge, "lateSurcharge"))
                            .minus(Objects.requireNonNull(creditApplied, "creditApplied"));
            long consumption = consumptionM3 != null ? consumptionM3 : Math.max(0, currentIndex - previousIndex);
            return new BillDocument(institutionName, subscriberNo, maskedName, address, category, meterSerial,
                    previousIndex, previousIndexDate, currentIndex, currentIndexDate, estimatedReading, consumption,
                    period, lines, total, previousDebt, lateSurcharge, creditApplied, toPay, dueDate, paymentCode, billNo, issueDate,
                    portalUrl);
        }
    }
}
