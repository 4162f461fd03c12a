package org.sutahsilat.domain.payment;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sutahsilat.domain.payment.AllocationKind.CREDIT;
import static org.sutahsilat.domain.payment.AllocationKind.PRINCIPAL;
import static org.sutahsilat.domain.payment.AllocationKind.SURCHARGE;

class PaymentAllocatorTest {

    private final PaymentAllocator allocator = new PaymentAllocator();

    private static Money m(String amount) {
        return Money.of(amount);
    }

    private static final OpenItem B1 = new OpenItem(11, LocalDate.parse("2026-01-15"), m("100.00"), m("7.40"));
    private static final OpenItem B2 = new OpenItem(12, LocalDate.parse("2026-02-15"), m("120.00"), m("4.44"));
    private static final OpenItem B3 = new OpenItem(13, LocalDate.parse("2026-03-15"), m("90.00"), Money.ZERO);

    @Test
    void oldestBillFirstSurchargeBeforePrincipalLeftoverToCredit() {
        // given newest first on purpose; open: 107.40 + 124.44 + 90.00 = 321.84; 400.00 − 321.84 = 78.16 credit
        List<AllocationLine> lines = allocator.allocate(m("400.00"), List.of(B3, B1, B2));
        assertThat(lines).containsExactly(
                new AllocationLine(11L, SURCHARGE, m("7.40")),
                new AllocationLine(11L, PRINCIPAL, m("100.00")),
                new AllocationLine(12L, SURCHARGE, m("4.44")),
                new AllocationLine(12L, PRINCIPAL, m("120.00")),
                new AllocationLine(13L, PRINCIPAL, m("90.00")),
                AllocationLine.credit(m("78.16")));
        assertThat(sum(lines)).isEqualTo(m("400.00"));
    }

    @Test
    void aShortPaymentStopsInsideABill() {
        // 110.00: B1 surcharge 7.40 and principal 100.00 (107.40), 2.60 left pays part of B2's surcharge
        assertThat(allocator.allocate(m("110.00"), List.of(B1, B2, B3))).containsExactly(
                new AllocationLine(11L, SURCHARGE, m("7.40")),
                new AllocationLine(11L, PRINCIPAL, m("100.00")),
                new AllocationLine(12L, SURCHARGE, m("2.60")));
        // 5.00 does not even cover B1's surcharge
        assertThat(allocator.allocate(m("5.00"), List.of(B1))).containsExactly(
                new AllocationLine(11L, SURCHARGE, m("5.00")));
    }

    @Test
    void billsDueTheSameDayGoInBillOrder() {
        OpenItem later = new OpenItem(20, LocalDate.parse("2026-01-15"), m("10.00"), Money.ZERO);
        assertThat(allocator.allocate(m("15.00"), List.of(later, B1))).first()
                .isEqualTo(new AllocationLine(11L, SURCHARGE, m("7.40")));
    }

    @Test
    void nothingOpenMeansAllCredit() {
        assertThat(allocator.allocate(m("25.00"), List.of())).containsExactly(AllocationLine.credit(m("25.00")));
    }

    @Test
    void creditIsSpentTheSameWayAndTheRestStaysCredit() {
        assertThat(allocator.allocateCredit(m("50.00"), List.of(B3))).containsExactly(
                new AllocationLine(13L, PRINCIPAL, m("50.00")));
        assertThat(allocator.allocateCredit(m("100.00"), List.of(B3))).containsExactly(
                new AllocationLine(13L, PRINCIPAL, m("90.00")));
        assertThat(allocator.allocateCredit(Money.ZERO, List.of(B3))).isEmpty();
    }

    @Test
    void aPaymentMustBePositive() {
        assertThatThrownBy(() -> allocator.allocate(Money.ZERO, List.of(B1))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new OpenItem(1, LocalDate.parse("2026-01-01"), m("-1.00"), Money.ZERO))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void creditSpentLaterIsAPairOfRowsOnThePaymentThatLeftIt() {
        Instant t = Instant.parse("2026-03-20T09:00:00Z");
        Payment p = PaymentAllocator.post(
                Payment.receive(1, 7, m("400.00"), PaymentChannel.CASH, t, "R1", null, null, t),
                allocator.allocate(m("400.00"), List.of(B1, B2, B3)));
        assertThat(p.creditBalance()).isEqualTo(m("78.16"));

        OpenItem b4 = new OpenItem(14, LocalDate.parse("2026-04-15"), m("150.00"), Money.ZERO);
        PaymentAllocator.postCreditTransfer(p, allocator.allocateCredit(p.creditBalance(), List.of(b4)));
        // −78.16 CREDIT, +78.16 PRINCIPAL on bill 14: the allocations still sum to 400.00, no credit left
        assertThat(p.getAllocations()).extracting(PaymentAllocation::getKind, PaymentAllocation::getAmount)
                .endsWith(Tuple.tuple(CREDIT, m("-78.16")), Tuple.tuple(PRINCIPAL, m("78.16")));
        assertThat(p.getAllocations().stream().map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus))
                .isEqualTo(m("400.00"));
        assertThat(p.creditBalance()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> p.applyCredit(14L, PRINCIPAL, m("0.01")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.payment.creditExceeded");

        // reversing the payment negates every row, the credit transfer included
        Payment r = p.reverse("R1-S", null, t);
        assertThat(r.getAllocations()).hasSize(p.getAllocations().size());
        assertThat(r.getAllocations().get(r.getAllocations().size() - 1).getAmount()).isEqualTo(m("-78.16"));
        assertThat(r.creditBalance()).isEqualTo(Money.ZERO);
    }

    private static Money sum(List<AllocationLine> lines) {
        return lines.stream().map(AllocationLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
