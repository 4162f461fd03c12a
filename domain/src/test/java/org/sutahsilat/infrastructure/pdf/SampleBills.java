package org.sutahsilat.infrastructure.pdf;

import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.PersonalDataMasking;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

/**
 * Bills for the PDF tests: domain.md's municipal worked example (13 m³: water 290.00 in two tiers, wastewater
 * 145.00, ÇTV 7.80, KDV 2.90 + 14.50) plus a fixed fee, with Turkish letters in every text field.
 */
final class SampleBills {

    static final String PORTAL = "https://portal.su-tahsilat.example/fatura/";

    private SampleBills() {
    }

    static BillDocument.Builder municipal(int n) {
        String billNo = "2026-03-" + String.format("%06d", n);
        return BillDocument.builder()
                .institutionName("Çamlıca Köyü Işıklar Belediyesi")
                .subscriber(SubscriberNo.of(String.valueOf(100_000 + n)), PersonalDataMasking.name("İsmail Işıkoğlu"))
                .address("Çamlıca Köyü, Işık Sokağı No: 7, DAĞDİBİ Mahallesi, İZMİR")
                .category(SubscriberCategory.RESIDENTIAL)
                .meterSerial("ĞİŞ-2019-0042")
                .previousIndex(4521, LocalDate.of(2026, 2, 14))
                .currentIndex(4534, LocalDate.of(2026, 3, 14))
                .period(BillingPeriod.of(2026, 3))
                .line(BillLineKind.WATER, "Su bedeli (0–10 m³ kademesi)", bd("10"), bd("20.0000"), Money.of("200.00"))
                .line(BillLineKind.WATER, "Su bedeli (10 m³ üzeri kademe)", bd("3"), bd("30.0000"), Money.of("90.00"))
                .line(BillLineKind.WASTEWATER, "Atıksu bedeli (su bedeli ₺290,00 × %50)", null, null,
                        Money.of("145.00"))
                .line(BillLineKind.FIXED_FEE, "Sabit ücret", bd("1"), bd("10.0000"), Money.of("10.00"))
                .line(BillLineKind.CTV, "Çevre temizlik vergisi (ÇTV)", bd("13"), bd("0.6000"), Money.of("7.80"))
                .line(BillLineKind.KDV, "KDV %1 (₺290,00 üzerinden)", null, null, Money.of("2.90"))
                .line(BillLineKind.KDV, "KDV %10 (₺145,00 üzerinden)", null, null, Money.of("14.50"))
                .previousDebt(Money.of("1234.56"))
                .lateSurcharge(Money.of("45.68"))
                .dueDate(LocalDate.of(2026, 3, 24))
                .paymentCode(new PaymentCode("ABCD2345"))
                .billNo(billNo)
                .issueDate(LocalDate.of(2026, 3, 14))
                .portalUrl(URI.create(PORTAL + billNo + "?t=Qm9hcmQtc2lnbmVkLXRva2Vu"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
