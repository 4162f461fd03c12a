package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.AccountStatement;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.billing.PortalLookupService;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.payment.AllocationKind;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.security.PersonalDataCipher;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberDirectory;
import org.sutahsilat.domain.subscriber.SubscriberFilter;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberSummary;
import org.sutahsilat.domain.subscriber.Tckn;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entities, repositories and tenant scoping on a real MariaDB with the real migrations. */
class PersistenceIT {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final PersonalDataCipher CIPHER = PersonalDataCipher.fromBase64(PersonalDataCipher.newKeyBase64());

    private static long villageId;
    private static long townId;
    private static long villageSubscriberId;
    private static long townSubscriberId;
    private static final String TOWN_CODE = "ABCD2345";

    @BeforeAll
    static void seed() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        TestDatabase.run(em -> {
            Institution village = Institution.register("V" + suffix, "Çamlıca Köyü", InstitutionKind.VILLAGE, "Bolu",
                    "Mudurnu", NOW);
            Institution town = Institution.register("T" + suffix, "Işıklar Belediyesi", InstitutionKind.MUNICIPALITY,
                    "Denizli", "Çivril", NOW);
            em.persist(village);
            em.persist(town);
            em.flush();
            villageId = village.getId();
            townId = town.getId();
            FixedTenantContext all = new FixedTenantContext(TenantScope.all());
            JpaSubscriberRepository repo = new JpaSubscriberRepository(em, all);
            String[] names = {"İnce Ayşe", "Işık Mehmet", "Cengiz Ali", "Çelik Zeynep", "Ilgaz Oğuz"};
            for (int i = 0; i < names.length; i++) {
                Subscriber s = Subscriber.register(villageId, SubscriberNo.of("10" + i), names[i],
                        SubscriberCategory.RESIDENTIAL, new PaymentCode("VVVV234" + (i + 2)), NOW);
                s.recordTckn(Tckn.fromFirstNine("12345678" + (i + 1)), CIPHER);
                s.contactDetails("0532123456" + i, "Merkez Mah. " + i);
                repo.save(s);
                if (i == 0) {
                    em.flush();
                    villageSubscriberId = s.getId();
                }
            }
            Subscriber t = Subscriber.register(townId, SubscriberNo.of("100"), "Şahin Gökhan",
                    SubscriberCategory.COMMERCIAL, new PaymentCode(TOWN_CODE), NOW);
            repo.save(t);
            em.flush();
            townSubscriberId = t.getId();

            JpaBillRepository bills = new JpaBillRepository(em, all);
            Bill jan = Bill.issue(townId, townSubscriberId, "T-2026-1", BillingPeriod.of(2026, 1), null, null,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 16), CubicMeters.of(13), NOW)
                    .addLine(BillLineKind.WATER, "Su", new BigDecimal("13"), null, Money.of("290.00"), new BigDecimal("0.01"))
                    .addLine(BillLineKind.WASTEWATER, "Atıksu", null, null, Money.of("145.00"), new BigDecimal("0.10"))
                    .addLine(BillLineKind.CTV, "ÇTV", new BigDecimal("13"), new BigDecimal("0.6000"), Money.of("7.80"), null)
                    .addLine(BillLineKind.KDV, "KDV", null, null, Money.of("17.40"), null);
            Bill feb = Bill.issue(townId, townSubscriberId, "T-2026-2", BillingPeriod.of(2026, 2), null, null,
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 16), CubicMeters.of(5), NOW)
                    .addLine(BillLineKind.WATER, "Su", new BigDecimal("5"), null, Money.of("100.00"), null);
            bills.save(jan);
            bills.save(feb);
            em.flush();
            // January fully paid, then the payment reversed, then paid again half
            Payment paid = Payment.receive(townId, townSubscriberId, Money.of("460.20"), PaymentChannel.CASH, NOW,
                    "R-" + suffix + "-1", null, null, NOW).allocate(jan.getId(), AllocationKind.PRINCIPAL, Money.of("460.20"));
            em.persist(paid);
            em.flush();
            em.persist(paid.reverse("R-" + suffix + "-2", null, NOW));
            em.persist(Payment.receive(townId, townSubscriberId, Money.of("60.20"), PaymentChannel.OFFICE, NOW,
                    "R-" + suffix + "-3", null, null, NOW).allocate(jan.getId(), AllocationKind.PRINCIPAL, Money.of("60.20")));
        });
    }

    @Test
    void tcknIsStoredEncryptedWithAKeyedHash() throws Exception {
        String plain = Tckn.fromFirstNine("123456781").value();
        try (Connection c = TestDatabase.settings().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tckn_encrypted, tckn_hash FROM subscriber WHERE id = " + villageSubscriberId)) {
            assertThat(rs.next()).isTrue();
            byte[] encrypted = rs.getBytes(1);
            assertThat(new String(encrypted, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(plain);
            assertThat(CIPHER.decrypt(encrypted)).isEqualTo(plain);
            assertThat(rs.getBytes(2)).isEqualTo(CIPHER.hash(plain));
        }
        Subscriber loaded = TestDatabase.inTransaction(em -> em.find(Subscriber.class, villageSubscriberId));
        assertThat(loaded.tckn(CIPHER)).contains(Tckn.of(plain));
        assertThat(loaded.maskedName()).isEqualTo("İn*** Ay***");
    }

    @Test
    void anOperatorOfOneInstitutionNeverGetsAnotherInstitutionsSubscriber() {
        TestDatabase.run(em -> {
            FixedTenantContext villageOnly = new FixedTenantContext(TenantScope.of(villageId));
            JpaSubscriberRepository repo = new JpaSubscriberRepository(em, villageOnly);
            SubscriberDirectory directory = new SubscriberDirectory(repo);

            Page<SubscriberSummary> page = directory.list(SubscriberFilter.none(), new PageRequest(0, 100, null, true));
            assertThat(page.items()).isNotEmpty().allMatch(s -> s.institutionId() == villageId);
            assertThat(page.total()).isEqualTo(countIn(villageId));

            // crafted filters and ids of the other institution
            assertThat(directory.list(new SubscriberFilter(townId, null, null, null, null), PageRequest.first(10)).total())
                    .isZero();
            assertThat(directory.list(new SubscriberFilter(null, null, "Şahin", null, null), PageRequest.first(10)).total())
                    .isZero();
            assertThat(repo.find(townSubscriberId)).isEmpty();
            assertThat(repo.findByNo(townId, SubscriberNo.of("100"))).isEmpty();
            assertThatThrownBy(() -> directory.get(townSubscriberId)).isInstanceOf(NotFoundException.class);
            Subscriber foreign = Subscriber.register(townId, SubscriberNo.of("999"), "Yabancı", SubscriberCategory.PUBLIC,
                    new PaymentCode("XXXX2345"), NOW);
            assertThatThrownBy(() -> repo.save(foreign)).isInstanceOf(NotFoundException.class);
            assertThat(new JpaBillRepository(em, villageOnly).balances(townSubscriberId)).isEmpty();
            assertThat(new JpaInstitutionRepository(em, villageOnly).findVisible())
                    .extracting(Institution::getId).containsExactly(villageId);

            // the same subscriber number exists in the village: only the village's is found
            assertThat(repo.findByNo(villageId, SubscriberNo.of("100"))).map(Subscriber::getInstitutionId).contains(villageId);

            // an empty scope sees nothing; a company admin sees both
            JpaSubscriberRepository none = new JpaSubscriberRepository(em, new FixedTenantContext(TenantScope.none()));
            assertThat(none.search(SubscriberFilter.none(), PageRequest.first(10)).total()).isZero();
            assertThat(none.find(villageSubscriberId)).isEmpty();
            JpaSubscriberRepository all = new JpaSubscriberRepository(em, new FixedTenantContext(TenantScope.all()));
            assertThat(all.find(townSubscriberId)).isPresent();
            assertThat(all.find(villageSubscriberId)).isPresent();
        });
    }

    @Test
    void listsPageSortInTurkishOrderAndFilter() {
        TestDatabase.run(em -> {
            JpaSubscriberRepository repo = new JpaSubscriberRepository(em, new FixedTenantContext(TenantScope.of(villageId)));
            Page<Subscriber> byName = repo.search(new SubscriberFilter(villageId, null, null, null, null),
                    new PageRequest(0, 3, "fullName", true));
            assertThat(byName.total()).isEqualTo(5);
            assertThat(byName.items()).extracting(Subscriber::getFullName)
                    .containsExactly("Cengiz Ali", "Çelik Zeynep", "Ilgaz Oğuz");
            Page<Subscriber> second = repo.search(new SubscriberFilter(villageId, null, null, null, null),
                    new PageRequest(3, 3, "fullName", true));
            assertThat(second.items()).extracting(Subscriber::getFullName).containsExactly("Işık Mehmet", "İnce Ayşe");
            assertThat(repo.search(new SubscriberFilter(null, "10", "ışık", null, null), PageRequest.first(10)).items())
                    .extracting(Subscriber::getFullName).containsExactly("Işık Mehmet");
            // LIKE wildcards typed by a user are literal
            assertThat(repo.search(new SubscriberFilter(null, "%", null, null, null), PageRequest.first(10)).total()).isZero();
            // an unknown sort key falls back to the subscriber number instead of reaching the query
            assertThat(repo.search(SubscriberFilter.none(), new PageRequest(0, 10, "fullName; DROP TABLE x", false))
                    .items()).extracting(s -> s.getSubscriberNo().value()).startsWith("104");
        });
    }

    @Test
    void balancesNetReversedPaymentsAndReversedBillsLeaveTheList() {
        TestDatabase.run(em -> {
            JpaBillRepository bills = new JpaBillRepository(em, new FixedTenantContext(TenantScope.of(townId)));
            List<BillBalance> balances = bills.balances(townSubscriberId);
            assertThat(balances).extracting(BillBalance::billNo).containsExactly("T-2026-1", "T-2026-2");
            assertThat(balances.get(0).total()).isEqualTo(Money.of("460.20"));
            assertThat(balances.get(0).paid()).isEqualTo(Money.of("60.20"));
            assertThat(balances.get(0).open()).isEqualTo(Money.of("400.00"));
            assertThat(balances.get(1).open()).isEqualTo(Money.of("100.00"));

            Bill feb = bills.find(balances.get(1).billId()).orElseThrow();
            Bill reversal = feb.reverse("T-2026-2R", LocalDate.of(2026, 2, 20), NOW);
            bills.save(reversal);
            em.flush();
            assertThat(reversal.getTotal()).isEqualTo(Money.of("-100.00"));
            assertThat(feb.getStatus()).isEqualTo(BillStatus.REVERSED);
            assertThat(bills.balances(townSubscriberId)).extracting(BillBalance::billNo).containsExactly("T-2026-1");
            em.getTransaction().setRollbackOnly();
        });
    }

    @Test
    void portalLookupNeedsTheRightCodeAndShowsOnlyAMaskedName() {
        TestDatabase.run(em -> {
            FixedTenantContext ctx = new FixedTenantContext(TenantScope.none());
            PortalLookupService portal = new PortalLookupService(new JpaInstitutionRepository(em, ctx),
                    new JpaSubscriberRepository(em, ctx), new JpaBillRepository(em, ctx), ctx);
            Optional<AccountStatement> ok = portal.lookup(townId, "100", "abcd-2345");
            assertThat(ok).isPresent();
            assertThat(ok.get().maskedName()).isEqualTo("Şa*** Gö***");
            assertThat(ok.get().institutionName()).isEqualTo("Işıklar Belediyesi");
            assertThat(ok.get().totalDebt()).isEqualTo(Money.of("500.00"));
            assertThat(ok.get().openBills()).hasSize(2);

            assertThat(portal.lookup(townId, "100", "ABCD2346")).as("wrong code").isEmpty();
            assertThat(portal.lookup(townId, "101", "ABCD2345")).as("unknown number").isEmpty();
            assertThat(portal.lookup(villageId, "100", "ABCD2345")).as("the town's code in the village").isEmpty();
            assertThat(portal.lookup(townId, "1 OR 1=1", "ABCD2345")).as("malformed").isEmpty();
            assertThat(portal.lookup(-5, "100", "ABCD2345")).as("unknown institution").isEmpty();
            assertThat(portal.institutions()).extracting(Institution::getId).contains(villageId, townId);
        });
    }

    private static long countIn(long institutionId) {
        return TestDatabase.inTransaction(em -> em.createQuery(
                        "SELECT COUNT(s) FROM Subscriber s WHERE s.institutionId = :i", Long.class)
                .setParameter("i", institutionId).getSingleResult());
    }
}
