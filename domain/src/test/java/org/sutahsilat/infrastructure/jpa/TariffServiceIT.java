package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.billing.BillReissue;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.TariffService;
import org.sutahsilat.domain.tariff.TariffView;
import org.sutahsilat.domain.tariff.TierDraft;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.VersionDraft;
import org.sutahsilat.domain.tariff.WastewaterMode;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;
import org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.infrastructure.jpa.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tariff administration on a real MariaDB with the real migrations: create and version, every refusal (and that a
 * refusal writes nothing), tenant isolation, the preview, and that a new version never changes a bill already issued.
 */
class TariffServiceIT {

    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    // ---------------------------------------------------------------- create, version, list, audit

    @Test
    void anOperatorCreatesATariffAndAddsAVersionAndBothAreListedAndAudited() {
        long town = institution(InstitutionKind.MUNICIPALITY);
        AuthenticatedUser operator = user(4711, Role.OPERATOR, town);

        TariffView created = inService(town, s -> s.create(operator, town, SubscriberCategory.RESIDENTIAL,
                "  Mesken  ", municipalDraft(JAN_1)));

        assertThat(created.name()).isEqualTo("Mesken");
        assertThat(created.versions()).hasSize(1);
        VersionDraft stored = created.versions().get(0).terms();
        assertThat(stored.tiers()).containsExactly(new TierDraft(0, 10L, new BigDecimal("20.0000")),
                new TierDraft(10, null, new BigDecimal("30.0000")));
        assertThat(stored.wastewaterMode()).isEqualTo(WastewaterMode.SHARE_OF_WATER);
        assertThat(stored.wastewaterValue()).isEqualByComparingTo("0.5");
        assertThat(stored.ctvPerM3()).isEqualByComparingTo("0.60");
        assertThat(stored.kdvWastewaterRate()).isEqualByComparingTo("0.10");
        assertThat(created.earliestNewFrom()).isEqualTo(JAN_1.plusDays(1));

        VersionDraft v2 = new VersionDraft(LocalDate.of(2026, 7, 1), TierMode.WHOLE_BAND,
                List.of(new TierDraft(0, 10L, new BigDecimal("22.5000")), new TierDraft(10, 20L, new BigDecimal("31")),
                        new TierDraft(20, null, new BigDecimal("40.1234"))),
                new BigDecimal("12.50"), new BigDecimal("50.00"), WastewaterMode.PER_M3, new BigDecimal("3.25"),
                new BigDecimal("0.65"), new BigDecimal("0.01"), new BigDecimal("0.08"), new BigDecimal("0.20"));
        TariffView versioned = inService(town, s -> s.addVersion(operator, created.id(), v2));

        assertThat(versioned.versions()).extracting(v -> v.terms().validFrom())
                .containsExactly(JAN_1, LocalDate.of(2026, 7, 1));
        assertThat(versioned.versionOn(LocalDate.of(2026, 6, 30)).orElseThrow().terms().tierMode())
                .isEqualTo(TierMode.PROGRESSIVE);
        assertThat(versioned.versionOn(LocalDate.of(2026, 7, 1)).orElseThrow().terms().tierMode())
                .isEqualTo(TierMode.WHOLE_BAND);

        // read back in a fresh transaction: everything as typed, v1 untouched
        List<TariffView> listed = listed(TenantScope.of(town), null);
        assertThat(listed).hasSize(1);
        TariffView back = listed.get(0);
        assertThat(back.institutionKind()).isEqualTo(InstitutionKind.MUNICIPALITY);
        assertThat(back.versions().get(0).terms()).isEqualTo(stored);
        VersionDraft second = back.versions().get(1).terms();
        assertThat(second.tiers()).containsExactly(new TierDraft(0, 10L, new BigDecimal("22.5000")),
                new TierDraft(10, 20L, new BigDecimal("31.0000")), new TierDraft(20, null, new BigDecimal("40.1234")));
        assertThat(second.fixedFee()).isEqualByComparingTo("12.50");
        assertThat(second.minimumCharge()).isEqualByComparingTo("50.00");
        assertThat(second.wastewaterValue()).isEqualByComparingTo("3.25");
        assertThat(second.kdvFixedFeeRate()).isEqualByComparingTo("0.20");
        assertThat(back.versions().get(1).createdBy()).isEqualTo(4711L);
        assertThat(back.versions().get(1).createdAt()).isEqualTo(NOW);
        assertThat(count("SELECT COUNT(*) FROM tariff_version WHERE created_by = 4711 AND tariff_id = "
                + created.id())).isEqualTo(2);

        assertThat(strings("SELECT CONCAT(action, ' ', username, ' ', entity_type) FROM audit_log WHERE user_id = 4711"
                + " AND institution_id = " + town + " ORDER BY id")).containsExactly(
                "TARIFF_CREATED op4711 tariff", "TARIFF_VERSION_CREATED op4711 tariff_version");
        assertThat(strings("SELECT detail FROM audit_log WHERE user_id = 4711 AND action = 'TARIFF_VERSION_CREATED'"))
                .singleElement().asString().contains("validFrom=2026-07-01").contains("mode=WHOLE_BAND")
                .contains("[20-@40.1234]");
    }

    @Test
    void aCompanyAdminMayCreateTooAndAVillagesFirstVersionDefaultsToNoKdv() {
        long village = institution(InstitutionKind.VILLAGE);
        AuthenticatedUser admin = new AuthenticatedUser(1, "admin", "Yönetici", Set.of(Role.COMPANY_ADMIN),
                TenantScope.all());
        VersionDraft defaults = VersionDraft.defaults(InstitutionKind.VILLAGE, JAN_1);
        assertThat(List.of(defaults.kdvWaterRate(), defaults.kdvWastewaterRate(), defaults.kdvFixedFeeRate()))
                .allSatisfy(r -> assertThat(r).isZero());
        assertThat(VersionDraft.defaults(InstitutionKind.MUNICIPALITY, JAN_1).kdvWaterRate())
                .isEqualByComparingTo("0.01");

        TariffView t = TestDatabase.inTransaction(em -> service(em, TenantScope.all()).create(admin, village,
                SubscriberCategory.LIVESTOCK, "Hayvancılık", defaults));
        assertThat(t.category()).isEqualTo(SubscriberCategory.LIVESTOCK);
        assertThat(t.versions()).hasSize(1);
    }

    // ---------------------------------------------------------------- refusals: each with its key, nothing written

    @Test
    void everyBrokenRuleIsRefusedWithItsKeyAndWritesNothing() {
        long village = institution(InstitutionKind.VILLAGE);
        AuthenticatedUser operator = user(5, Role.OPERATOR, village);
        TariffView t = inService(village, s -> s.create(operator, village, SubscriberCategory.RESIDENTIAL, "Mesken",
                villageDraft(JAN_1)));
        LocalDate april = LocalDate.of(2026, 4, 1);
        long versions = versionCount(t.id());
        long audits = count("SELECT COUNT(*) FROM audit_log WHERE institution_id = " + village);

        record Case(String key, VersionDraft draft) {
        }
        VersionDraft ok = villageDraft(april);
        List<Case> cases = List.of(
                new Case("error.tariff.tiers.empty", tiers(ok, List.of())),
                new Case("error.tariff.tiers.notFromZero", tiers(ok, List.of(tier(1, 8, "4"), open(8, "6")))),
                new Case("error.tariff.tiers.notContiguous", tiers(ok, List.of(tier(0, 8, "4"), open(9, "6")))),
                new Case("error.tariff.tiers.notIncreasing",
                        tiers(ok, List.of(tier(0, 8, "4"), tier(8, 5, "5"), open(5, "6")))),
                new Case("error.tariff.tiers.openNotLast",
                        tiers(ok, List.of(new TierDraft(0, null, new BigDecimal("4")), open(8, "6")))),
                new Case("error.tariff.tiers.lastBounded", tiers(ok, List.of(tier(0, 8, "4"), tier(8, 16, "6")))),
                new Case("error.tariff.tiers.price", tiers(ok, List.of(tier(0, 8, "-0.01"), open(8, "6")))),
                new Case("error.tariff.tiers.price", tiers(ok, List.of(tier(0, 8, "4"),
                        new TierDraft(8, null, null)))),
                new Case("error.tariff.tooPrecise", tiers(ok, List.of(tier(0, 8, "4.12345"), open(8, "6")))),
                new Case("error.tariff.negative", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), new BigDecimal("-1.00"), d.minimumCharge(), d.wastewaterMode(),
                        d.wastewaterValue(), d.ctvPerM3(), d.kdvWaterRate(), d.kdvWastewaterRate(),
                        d.kdvFixedFeeRate()))),
                new Case("error.tariff.tooPrecise", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), new BigDecimal("10.005"), d.minimumCharge(), d.wastewaterMode(),
                        d.wastewaterValue(), d.ctvPerM3(), d.kdvWaterRate(), d.kdvWastewaterRate(),
                        d.kdvFixedFeeRate()))),
                new Case("error.tariff.negative", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), d.fixedFee(), d.minimumCharge(), WastewaterMode.PER_M3, new BigDecimal("-2"),
                        d.ctvPerM3(), d.kdvWaterRate(), d.kdvWastewaterRate(), d.kdvFixedFeeRate()))),
                new Case("error.tariff.wastewater.zero", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), d.fixedFee(), d.minimumCharge(), WastewaterMode.SHARE_OF_WATER, BigDecimal.ZERO,
                        d.ctvPerM3(), d.kdvWaterRate(), d.kdvWastewaterRate(), d.kdvFixedFeeRate()))),
                new Case("error.tariff.kdvRate", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), d.fixedFee(), d.minimumCharge(), d.wastewaterMode(), d.wastewaterValue(),
                        d.ctvPerM3(), new BigDecimal("1.5"), d.kdvWastewaterRate(), d.kdvFixedFeeRate()))),
                new Case("error.tariff.ctvInVillage", with(ok, d -> new VersionDraft(d.validFrom(), d.tierMode(),
                        d.tiers(), d.fixedFee(), d.minimumCharge(), d.wastewaterMode(), d.wastewaterValue(),
                        new BigDecimal("0.60"), d.kdvWaterRate(), d.kdvWastewaterRate(), d.kdvFixedFeeRate()))),
                new Case("error.tariff.validFrom.required", ok.from(null)),
                new Case("error.tariff.validFrom.notAfterLatest", ok.from(JAN_1)),
                new Case("error.tariff.validFrom.notAfterLatest", ok.from(JAN_1.minusDays(1))));
        for (Case c : cases) {
            assertThatThrownBy(() -> inService(village, s -> s.addVersion(operator, t.id(), c.draft())))
                    .as(c.key() + " " + c.draft())
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(c.key()));
        }

        // who: a reader and an institution viewer of the institution may look, not change
        for (Role role : List.of(Role.READER, Role.INSTITUTION_VIEWER, Role.LEGAL)) {
            AuthenticatedUser other = user(6, role, village);
            assertThat(listed(TenantScope.of(village), village)).hasSize(1);
            assertThatThrownBy(() -> inService(village, s -> s.addVersion(other, t.id(), ok)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("error.tariff.notAllowed"));
            assertThatThrownBy(() -> inService(village, s -> s.create(other, village, SubscriberCategory.PUBLIC,
                    "Resmi", ok))).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("error.tariff.notAllowed"));
        }
        // a second tariff for the same category, an empty name
        assertThatThrownBy(() -> inService(village, s -> s.create(operator, village, SubscriberCategory.RESIDENTIAL,
                "Mesken 2", ok))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.tariff.exists"));
        assertThatThrownBy(() -> inService(village, s -> s.create(operator, village, SubscriberCategory.PUBLIC,
                "   ", ok))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.tariff.name"));

        assertThat(versionCount(t.id())).isEqualTo(versions);
        assertThat(count("SELECT COUNT(*) FROM tariff WHERE institution_id = " + village)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE institution_id = " + village)).isEqualTo(audits);

        // and the same draft with everything right is accepted
        assertThat(inService(village, s -> s.addVersion(operator, t.id(), ok)).versions()).hasSize(2);
    }

    @Test
    void aVersionCannotStartInsideAPeriodAlreadyBilled() {
        long village = institution(InstitutionKind.VILLAGE);
        AuthenticatedUser operator = user(7, Role.OPERATOR, village);
        TariffView t = inService(village, s -> s.create(operator, village, SubscriberCategory.RESIDENTIAL, "Mesken",
                villageDraft(JAN_1)));
        // a billing run was started for March (no bill yet): all of March is billed
        TestDatabase.sql("INSERT INTO billing_run (institution_id, period, status, started_at, finished_at) VALUES ("
                + village + ", '2026-03', 'COMPLETED', NOW(), NOW())");

        assertThat(inService(village, s -> s.get(t.id())).earliestNewFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        for (LocalDate day : List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))) {
            assertThatThrownBy(() -> inService(village, s -> s.addVersion(operator, t.id(), villageDraft(day))))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("error.tariff.validFrom.billed");
                        assertThat(e.arguments()).containsExactly(day, LocalDate.of(2026, 3, 31));
                    });
        }
        // nor the first version of a new tariff
        assertThatThrownBy(() -> inService(village, s -> s.create(operator, village, SubscriberCategory.PUBLIC,
                "Resmi", villageDraft(LocalDate.of(2026, 3, 15))))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.tariff.validFrom.billed"));

        // a bill issued later than the period's end (a reissue on 10 April) moves the limit to that day
        long subscriber = insert("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category,"
                + " payment_code, created_at) VALUES (?, ?, 'Deneme', 'RESIDENTIAL', 'ABCD2345', NOW())",
                village, "S" + UUID.randomUUID().toString().substring(0, 8));
        insert("INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date, consumption_m3,"
                + " total, status, created_at) VALUES (?, ?, 'X-1', '2026-03', '2026-04-10', '2026-04-25', 5, 30.00,"
                + " 'ISSUED', NOW())", village, subscriber);
        assertThatThrownBy(() -> inService(village, s -> s.addVersion(operator, t.id(),
                villageDraft(LocalDate.of(2026, 4, 10))))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.arguments()).containsExactly(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 10)));
        assertThat(versionCount(t.id())).isEqualTo(1);

        assertThat(inService(village, s -> s.addVersion(operator, t.id(), villageDraft(LocalDate.of(2026, 4, 11))))
                .versions()).hasSize(2);
    }

    // ---------------------------------------------------------------- tenant isolation

    @Test
    void aUserOfOneInstitutionNeitherSeesNorVersionsAnothersTariff() {
        long a = institution(InstitutionKind.VILLAGE);
        long b = institution(InstitutionKind.VILLAGE);
        AuthenticatedUser operatorA = user(8, Role.OPERATOR, a);
        AuthenticatedUser operatorB = user(9, Role.OPERATOR, b);
        TariffView tariffA = inService(a, s -> s.create(operatorA, a, SubscriberCategory.RESIDENTIAL, "Mesken A",
                villageDraft(JAN_1)));
        TariffView tariffB = inService(b, s -> s.create(operatorB, b, SubscriberCategory.RESIDENTIAL, "Mesken B",
                villageDraft(JAN_1)));

        assertThat(listed(TenantScope.of(a), null)).extracting(TariffView::id).containsExactly(tariffA.id());
        assertThat(listed(TenantScope.of(a), b)).isEmpty();
        assertThatThrownBy(() -> inService(a, s -> s.get(tariffB.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(a, s -> s.get(Long.MAX_VALUE))).isInstanceOf(NotFoundException.class);
        // a crafted id: the same answer as for a missing tariff, and B's tariff is unchanged
        assertThatThrownBy(() -> inService(a, s -> s.addVersion(operatorA, tariffB.id(),
                villageDraft(LocalDate.of(2026, 5, 1))))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(a, s -> s.create(operatorA, b, SubscriberCategory.PUBLIC, "Resmi",
                villageDraft(JAN_1)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(a, s -> s.preview(b, villageDraft(JAN_1), CubicMeters.of(5))))
                .isInstanceOf(NotFoundException.class);
        // the scope in force decides, not the scope the user object claims
        AuthenticatedUser claimsB = user(8, Role.OPERATOR, b);
        assertThatThrownBy(() -> inService(a, s -> s.addVersion(claimsB, tariffB.id(),
                villageDraft(LocalDate.of(2026, 5, 1))))).isInstanceOf(NotFoundException.class);
        assertThat(versionCount(tariffB.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tariff WHERE institution_id = " + b)).isEqualTo(1);
        // nothing of anybody's without a scope
        assertThat(listed(TenantScope.none(), null)).isEmpty();
    }

    // ---------------------------------------------------------------- preview

    @Test
    void thePreviewPricesTheWorkedExamplesWithTheBillCalculator() {
        long village = institution(InstitutionKind.VILLAGE);
        long town = institution(InstitutionKind.MUNICIPALITY);
        TenantScope both = TenantScope.of(List.of(village, town));

        BillComputation progressive = TestDatabase.inTransaction(em -> service(em, both).preview(village,
                villageDraft(JAN_1), CubicMeters.of(19)));
        assertThat(progressive.amountOf(BillLineKind.WATER)).isEqualTo(Money.of("107.00"));
        assertThat(progressive.total()).isEqualTo(Money.of("117.00"));
        VersionDraft wholeBand = with(villageDraft(JAN_1), d -> new VersionDraft(d.validFrom(), TierMode.WHOLE_BAND,
                d.tiers(), d.fixedFee(), d.minimumCharge(), d.wastewaterMode(), d.wastewaterValue(), d.ctvPerM3(),
                d.kdvWaterRate(), d.kdvWastewaterRate(), d.kdvFixedFeeRate()));
        assertThat(TestDatabase.inTransaction(em -> service(em, both).preview(village, wholeBand, CubicMeters.of(19)))
                .total()).isEqualTo(Money.of("181.00"));

        // municipality (not KDV-exempt): water 290.00, wastewater 145.00, ÇTV 7.80, KDV 2.90 + 14.50
        TestDatabase.sql("UPDATE institution SET kdv_exempt = FALSE WHERE id = " + town);
        BillComputation municipal = TestDatabase.inTransaction(em -> service(em, both).preview(town,
                municipalDraft(JAN_1), CubicMeters.of(13)));
        assertThat(municipal.total()).isEqualTo(Money.of("460.20"));
        assertThat(municipal.amountOf(BillLineKind.CTV)).isEqualTo(Money.of("7.80"));

        // an invalid draft is refused by the preview as by saving
        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> service(em, both).preview(village,
                municipalDraft(JAN_1), CubicMeters.of(13)))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.tariff.ctvInVillage"));
    }

    // ---------------------------------------------------------------- issued bills never change

    @Test
    void aNewVersionNeverChangesABillAlreadyIssuedAndTheNextPeriodUsesIt() {
        long village = institution(InstitutionKind.VILLAGE);
        AuthenticatedUser operator = user(10, Role.OPERATOR, village);
        TariffView t = inService(village, s -> s.create(operator, village, SubscriberCategory.RESIDENTIAL, "Mesken",
                villageDraft(JAN_1)));
        long subscriber = insert("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category,"
                + " payment_code, created_at) VALUES (?, ?, 'Deneme', 'RESIDENTIAL', 'ABCD2345', NOW())",
                village, "S" + UUID.randomUUID().toString().substring(0, 8));
        long meter = insert("INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits, installed_on)"
                + " VALUES (?, ?, ?, 5, '2025-01-01')", village, subscriber, "M" + subscriber);
        reading(village, subscriber, meter, "2026-03", LocalDate.of(2026, 3, 5), 119, 19);

        billing(village).start(village, BillingPeriod.of(2026, 3));
        long marchBill = count("SELECT id FROM bill WHERE institution_id = " + village + " AND period = '2026-03'");
        List<String> issued = billAndLines(marchBill);
        assertThat(issued.get(0)).startsWith("ISSUED 117.00 2026-03-20 2026-04-04"); // made 03-20, due 15 days on
        assertThat(issued).hasSize(5); // the bill, 3 water lines, the fixed fee

        // v2 from April: dearer water, a higher fixed fee
        VersionDraft dearer = new VersionDraft(LocalDate.of(2026, 4, 1), TierMode.PROGRESSIVE,
                List.of(tier(0, 8, "5"), tier(8, 16, "7.5"), open(16, "11")), new BigDecimal("12.00"),
                BigDecimal.ZERO, WastewaterMode.NONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        inService(village, s -> s.addVersion(operator, t.id(), dearer));

        assertThat(billAndLines(marchBill)).isEqualTo(issued);
        // a correction of the March bill still prices at v1 (in force on its date): 10 m³ = 8 × 4 + 2 × 6 + 10
        BillReissue reissue = billing(village).reissue(marchBill, CubicMeters.of(10), LocalDate.of(2026, 4, 2));
        assertThat(reissue.newTotal()).isEqualTo(Money.of("54.00"));
        assertThat(billAndLines(marchBill).subList(1, issued.size())).isEqualTo(issued.subList(1, issued.size()));

        // April is billed at v2: 8 × 5 + 8 × 7.5 + 3 × 11 + 12 = 145.00
        reading(village, subscriber, meter, "2026-04", LocalDate.of(2026, 4, 5), 138, 19);
        billing(village).start(village, BillingPeriod.of(2026, 4));
        long aprilBill = count("SELECT id FROM bill WHERE institution_id = " + village + " AND period = '2026-04'");
        List<String> april = billAndLines(aprilBill);
        assertThat(april.get(0)).startsWith("ISSUED 145.00 2026-04-05");
        assertThat(april.subList(1, april.size())).containsExactly(
                "WATER 8.000 5.0000 40.00 0.0000 Su bedeli (0–8 m³ kademesi)",
                "WATER 8.000 7.5000 60.00 0.0000 Su bedeli (8–16 m³ kademesi)",
                "WATER 3.000 11.0000 33.00 0.0000 Su bedeli (16 m³ üzeri kademe)",
                "FIXED_FEE 1.000 12.0000 12.00 0.0000 Sabit ücret");
    }

    // ---------------------------------------------------------------- helpers

    private static TariffService service(jakarta.persistence.EntityManager em, TenantScope scope) {
        FixedTenantContext tenant = new FixedTenantContext(scope);
        return new TariffService(new JpaTariffRepository(em, tenant), new JpaInstitutionRepository(em, tenant),
                new JpaAuditLog(em), CLOCK);
    }

    private static <T> T inService(long institutionId, Function<TariffService, T> work) {
        return TestDatabase.inTransaction(em -> work.apply(service(em, TenantScope.of(institutionId))));
    }

    private static List<TariffView> listed(TenantScope scope, Long institutionId) {
        return TestDatabase.inTransaction(em -> service(em, scope).list(institutionId));
    }

    private static BillingRunService billing(long institutionId) {
        return new BillingRunService(new ResourceLocalChunkTransactions(TestDatabase.emf()), new JdbcBillingRunStore(),
                new JpaCreditSettlement(), new FixedTenantContext(TenantScope.of(institutionId)), CLOCK, 10);
    }

    private static AuthenticatedUser user(long id, Role role, long institutionId) {
        return new AuthenticatedUser(id, "op" + id, "Kullanıcı " + id, Set.of(role), TenantScope.of(institutionId));
    }

    private static long institution(InstitutionKind kind) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return TestDatabase.inTransaction(em -> {
            Institution i = Institution.register(code, "Tarife " + code, kind, "Bolu", "Mudurnu", NOW);
            em.persist(i);
            em.flush();
            return i.getId();
        });
    }

    /** The worked village example: 0–8 @ 4, 8–16 @ 6, above @ 9, fixed fee 10.00, no KDV. */
    private static VersionDraft villageDraft(LocalDate from) {
        return new VersionDraft(from, TierMode.PROGRESSIVE, List.of(tier(0, 8, "4"), tier(8, 16, "6"), open(16, "9")),
                new BigDecimal("10.00"), BigDecimal.ZERO, WastewaterMode.NONE, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The worked municipal example: 0–10 @ 20, above @ 30, wastewater 50%, ÇTV 0.60, KDV 1% / 10%. */
    private static VersionDraft municipalDraft(LocalDate from) {
        return new VersionDraft(from, TierMode.PROGRESSIVE, List.of(tier(0, 10, "20"), open(10, "30")),
                BigDecimal.ZERO, BigDecimal.ZERO, WastewaterMode.SHARE_OF_WATER, new BigDecimal("0.5"),
                new BigDecimal("0.60"), new BigDecimal("0.01"), new BigDecimal("0.10"), BigDecimal.ZERO);
    }

    private static TierDraft tier(long from, long to, String price) {
        return new TierDraft(from, to, new BigDecimal(price));
    }

    private static TierDraft open(long from, String price) {
        return new TierDraft(from, null, new BigDecimal(price));
    }

    private static VersionDraft tiers(VersionDraft d, List<TierDraft> tiers) {
        return new VersionDraft(d.validFrom(), d.tierMode(), new ArrayList<>(tiers), d.fixedFee(), d.minimumCharge(),
                d.wastewaterMode(), d.wastewaterValue(), d.ctvPerM3(), d.kdvWaterRate(), d.kdvWastewaterRate(),
                d.kdvFixedFeeRate());
    }

    private static VersionDraft with(VersionDraft d, UnaryOperator<VersionDraft> change) {
        return change.apply(d);
    }

    private static void reading(long institution, long subscriber, long meter, String period, LocalDate on, long index,
                                long m3) {
        insert("INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date, meter_index,"
                + " consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTUAL', 'HANDHELD', NOW())",
                institution, subscriber, meter, period, on, index, m3);
    }

    /** "status total issue-date" of the bill, then "kind quantity unit-price amount" of each line in order. */
    private static List<String> billAndLines(long billId) {
        List<String> rows = new ArrayList<>(strings("SELECT CONCAT(status, ' ', total, ' ', issue_date, ' ', due_date,"
                + " ' ', consumption_m3, ' ', bill_no) FROM bill WHERE id = " + billId));
        rows.addAll(strings("SELECT CONCAT_WS(' ', kind, quantity, unit_price, amount, kdv_rate, description)"
                + " FROM bill_line WHERE bill_id = " + billId + " ORDER BY seq"));
        return rows;
    }

    private static long versionCount(long tariffId) {
        return count("SELECT COUNT(*) FROM tariff_version WHERE tariff_id = " + tariffId);
    }

    private static List<String> strings(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }


    private static long insert(String sql, Object... parameters) {
        try (Connection c = TestDatabase.settings().connect();
             PreparedStatement ps = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
