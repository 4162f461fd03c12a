package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.device.DeviceIdentity;
import org.sutahsilat.domain.device.DeviceToken;
import org.sutahsilat.domain.device.ReaderDeviceService;
import org.sutahsilat.domain.device.RegisteredDevice;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.meter.Meter;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingKind;
import org.sutahsilat.domain.meter.ReadingRouteService;
import org.sutahsilat.domain.meter.ReadingService;
import org.sutahsilat.domain.meter.ReadingSource;
import org.sutahsilat.domain.meter.RouteStop;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.user.Role;
import org.sutahsilat.domain.user.UserAccount;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reader devices (registration, token authentication, revocation) and reading routes on the real schema. */
class ReaderDeviceAndRouteIT {

    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aDeviceOfAReaderAuthenticatesWithItsTokenUntilRevokedAndOnlyForItsInstitution() {
        long a = institution();
        long b = institution();
        long reader = user(Role.READER, a);
        long operatorOfB = user(Role.OPERATOR, b);
        long operatorOfA = user(Role.OPERATOR, a);

        RegisteredDevice registered = TestDatabase.inTransaction(em -> devices(em, TenantScope.of(a))
                .register(a, reader, "  El terminali 1 ", operatorOfA));
        DeviceToken token = registered.token();
        assertThat(registered.device().getName()).isEqualTo("El terminali 1");
        assertThat(hashes(a)).containsExactly(token.hash());

        Optional<DeviceIdentity> identity = TestDatabase.inTransaction(em -> devices(em, TenantScope.none())
                .authenticate(token));
        assertThat(identity).isPresent();
        assertThat(identity.get().institutionId()).isEqualTo(a);
        assertThat(identity.get().userId()).isEqualTo(reader);
        assertThat(identity.get().scope()).isEqualTo(TenantScope.of(a));
        assertThat(authenticate(DeviceToken.generate())).isEmpty();

        // only a READER of the institution, by an operator of it
        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> devices(em, TenantScope.of(a))
                .register(a, operatorOfA, "x", operatorOfA))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.device.notReader");
        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> devices(em, TenantScope.of(b))
                .register(a, reader, "x", operatorOfB))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> devices(em, TenantScope.of(a))
                .register(a, reader, " ", operatorOfA))).isInstanceOf(DomainException.class);
        assertThat(list(TenantScope.of(b), a)).isEmpty();
        long deviceId = registered.device().getId();
        assertThatThrownBy(() -> TestDatabase.run(em -> devices(em, TenantScope.of(b)).revoke(deviceId, operatorOfB)))
                .isInstanceOf(NotFoundException.class);
        assertThat(authenticate(token)).isPresent();

        // a reader who loses the role loses the device too
        TestDatabase.sql("DELETE FROM user_role WHERE user_id = " + reader);
        assertThat(authenticate(token)).isEmpty();
        TestDatabase.sql("INSERT INTO user_role (user_id, role) VALUES (" + reader + ", 'READER')");
        assertThat(authenticate(token)).isPresent();

        TestDatabase.run(em -> devices(em, TenantScope.of(a)).revoke(deviceId, operatorOfA));
        assertThat(authenticate(token)).isEmpty();
        assertThat(list(TenantScope.of(a), a))
                .singleElement().satisfies(d -> assertThat(d.getRevokedAt()).isEqualTo(NOW));
    }

    @Test
    void aRouteListsItsSubscribersInRouteOrderWithTheirPreviousReadingAndNothingOutsideTheScope() {
        long a = institution();
        BillingPeriod feb = BillingPeriod.of(2026, 2);
        BillingPeriod mar = BillingPeriod.of(2026, 3);
        TestDatabase.run(em -> {
            long s3 = subscriber(em, a, "301", "Üçüncü Durak", "K1", 3, 3060L, feb);
            subscriber(em, a, "302", "Birinci Durak", "K1", 1, 1060L, feb);
            subscriber(em, a, "303", "İkinci Durak", "K1", 2, null, null);
            subscriber(em, a, "304", "Sırasız Durak", "K1", null, 4060L, feb);
            subscriber(em, a, "305", "Başka Rota", "K2", 1, 5060L, feb);
            Meter m3 = new JpaMeterRepository(em, new FixedTenantContext(TenantScope.of(a))).findBySubscriber(s3).get(0);
            em.persist(Reading.record(m3, mar, LocalDate.of(2026, 3, 5), 3071, CubicMeters.of(11), ReadingKind.ACTUAL,
                    ReadingSource.HANDHELD, null, NOW));
        });

        List<RouteStop> stops = stops(TenantScope.of(a), a, mar);
        assertThat(stops).extracting(RouteStop::subscriberNo).containsExactly("302", "303", "301", "304");
        assertThat(stops.get(0).maskedName()).isEqualTo("Bi*** Du***");
        assertThat(stops.get(0).previousIndex()).isEqualTo(1060L);
        assertThat(stops.get(0).previousDate()).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(stops.get(0).lastConsumption()).isEqualTo(10L);
        assertThat(stops.get(0).status()).isEqualTo(RouteStop.Status.TO_READ);
        // never read: the meter's initial index, no date
        assertThat(stops.get(1).previousIndex()).isZero();
        assertThat(stops.get(1).previousDate()).isNull();
        // already read this period: the previous reading is still February's
        assertThat(stops.get(2).status()).isEqualTo(RouteStop.Status.READ);
        assertThat(stops.get(2).readIndex()).isEqualTo(3071L);
        assertThat(stops.get(2).readConsumption()).isEqualTo(11L);
        assertThat(stops.get(2).previousIndex()).isEqualTo(3060L);

        assertThat(codes(TenantScope.of(a), a))
                .containsExactly("K1", "K2");
        long other = institution();
        assertThat(codes(TenantScope.of(other), a)).isEmpty();
        assertThat(stops(TenantScope.of(other), a, mar)).isEmpty();
    }

    private static Optional<DeviceIdentity> authenticate(DeviceToken token) {
        return TestDatabase.inTransaction(em -> devices(em, TenantScope.none()).authenticate(token));
    }

    private static List<org.sutahsilat.domain.device.ReaderDevice> list(TenantScope scope, long institution) {
        return TestDatabase.inTransaction(em -> devices(em, scope).list(institution));
    }

    private static List<String> codes(TenantScope scope, long institution) {
        return TestDatabase.inTransaction(em -> routes(em, scope).routeCodes(institution));
    }

    private static List<RouteStop> stops(TenantScope scope, long institution, BillingPeriod period) {
        return TestDatabase.inTransaction(em -> routes(em, scope).stops(institution, "K1", period));
    }

    private static ReaderDeviceService devices(EntityManager em, TenantScope scope) {
        return new ReaderDeviceService(new JpaReaderDeviceRepository(em, new FixedTenantContext(scope)),
                new JpaUserAccountRepository(em), CLOCK);
    }

    private static ReadingRouteService routes(EntityManager em, TenantScope scope) {
        FixedTenantContext tenant = new FixedTenantContext(scope);
        ReadingService readings = new ReadingService(new JpaSubscriberRepository(em, tenant),
                new JpaMeterRepository(em, tenant), new JpaReadingRepository(em, tenant), CLOCK);
        return new ReadingRouteService(new JpaReadingRouteRepository(em, tenant), readings);
    }

    private static long institution() {
        String code = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return TestDatabase.inTransaction(em -> {
            Institution i = Institution.register(code, "Cihaz Köyü " + code, InstitutionKind.VILLAGE, "Bolu",
                    "Mudurnu", NOW);
            em.persist(i);
            em.flush();
            return i.getId();
        });
    }

    private static long user(Role role, long institution) {
        return TestDatabase.inTransaction(em -> {
            UserAccount u = UserAccount.create("u-" + UUID.randomUUID(), "Kullanıcı " + role, "x", Set.of(role),
                    Set.of(institution), NOW);
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    private static long subscriber(EntityManager em, long institution, String no, String name, String route,
                                   Integer order, Long februaryIndex, BillingPeriod period) {
        Subscriber s = Subscriber.register(institution, SubscriberNo.of(no), name, SubscriberCategory.RESIDENTIAL,
                PaymentCode.generate(RANDOM), NOW);
        s.assignRoute(route, order);
        em.persist(s);
        em.flush();
        Meter m = Meter.install(institution, s.getId(), "M-" + institution + "-" + no, 5, 0, LocalDate.of(2025, 1, 1));
        em.persist(m);
        em.flush();
        if (februaryIndex != null) {
            em.persist(Reading.record(m, period, LocalDate.of(2026, 2, 5), februaryIndex, CubicMeters.of(10),
                    ReadingKind.ACTUAL, ReadingSource.HANDHELD, null, NOW));
        }
        return s.getId();
    }

    private static List<String> hashes(long institution) {
        return TestDatabase.inTransaction(em -> em.createNativeQuery(
                "SELECT token_hash FROM reader_device WHERE institution_id = ?").setParameter(1, institution)
                .getResultList().stream().map(Object::toString).toList());
    }
}
