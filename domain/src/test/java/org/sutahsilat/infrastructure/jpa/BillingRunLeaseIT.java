package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.BillingRunTicket;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.infrastructure.jpa.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One worker per billing run: a run is claimed by one worker at a time, a live worker's run cannot be claimed, a run
 * whose worker died (kill -9: no heartbeat for longer than the lease) can, and the presumed-dead worker that comes
 * back finds it lost the run and stops without billing anything.
 */
class BillingRunLeaseIT {

    private static final BillingPeriod MARCH = BillingPeriod.of(2026, 3);
    private static final Duration LEASE = Duration.ofSeconds(60);

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-20T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final class Killed extends Error {
    }

    private final MovableClock clock = new MovableClock();

    private BillingRunService service(TenantScope scope) {
        return new BillingRunService(new ResourceLocalChunkTransactions(TestDatabase.emf()), new JdbcBillingRunStore(),
                new JpaCreditSettlement(), new FixedTenantContext(scope), clock, 4, LEASE);
    }

    @Test
    void aLiveRunCannotBeClaimedAKilledOneCanAndTheOldWorkerStops() {
        long institution = village(22); // chunks of 4: six chunks
        BillingRunService service = service(TenantScope.all());

        BillingRunTicket first = service.claim(institution, MARCH).orElseThrow();
        assertThat(service.claim(institution, MARCH)).as("claimed, not yet worked on, but live").isEmpty();

        // the first worker bills two chunks and is killed (no exception handler runs: the run stays RUNNING)
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> service.process(first, p -> {
            if (chunks.incrementAndGet() == 2) {
                throw new Killed();
            }
        })).isInstanceOf(Killed.class);
        BillingRunProgress halfway = service.find(institution, MARCH).orElseThrow();
        assertThat(halfway.status()).isEqualTo(BillingRunStatus.RUNNING);
        assertThat(halfway.processed()).isEqualTo(8);
        assertThat(service.isLive(halfway)).isTrue();
        assertThat(service.isInterrupted(halfway)).isFalse();
        assertThat(service.unfinished()).extracting(BillingRunProgress::runId).contains(halfway.runId());

        clock.advance(LEASE.minusSeconds(1));
        assertThat(service.claim(institution, MARCH)).as("within the lease").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        BillingRunProgress stalled = service.find(institution, MARCH).orElseThrow();
        assertThat(service.isInterrupted(stalled)).isTrue();
        assertThat(service.isLive(stalled)).isFalse();
        BillingRunTicket second = service.claim(institution, MARCH).orElseThrow();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(service.claim(institution, MARCH)).as("the new worker holds it").isEmpty();

        // the old worker was not dead after all: it finds another heartbeat and stops without billing
        BillingRunProgress old = service.process(first, p -> { });
        assertThat(old.status()).isEqualTo(BillingRunStatus.RUNNING);
        assertThat(old.processed()).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + institution)).isEqualTo(8);

        BillingRunProgress done = service.process(second, p -> { });
        assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(done.processed()).isEqualTo(22);
        assertThat(done.billsCreated()).isEqualTo(22);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + institution)).isEqualTo(22);
        assertThat(count("SELECT COUNT(DISTINCT subscriber_id) FROM bill WHERE institution_id = " + institution))
                .isEqualTo(22);
        assertThat(billNumbers(institution)).isEqualTo(expectedNumbers(institution, 22));
        assertThat(service.claim(institution, MARCH)).as("COMPLETED").isEmpty();
        assertThat(service.unfinished()).extracting(BillingRunProgress::runId).doesNotContain(done.runId());
    }

    @Test
    void aFailedRunCanBeClaimedAtOnceAndTheFailedWorkerCannotTakeItBack() {
        long institution = village(10);
        BillingRunService service = service(TenantScope.all());
        BillingRunTicket first = service.claim(institution, MARCH).orElseThrow();
        assertThatThrownBy(() -> service.process(first, p -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        BillingRunProgress failed = service.find(institution, MARCH).orElseThrow();
        assertThat(failed.status()).isEqualTo(BillingRunStatus.FAILED);
        assertThat(service.isInterrupted(failed)).isTrue();

        BillingRunTicket second = service.claim(institution, MARCH).orElseThrow();
        // the first worker comes back: it finds the second one's heartbeat, bills nothing and leaves the run alone
        AtomicInteger chunksOfFirst = new AtomicInteger();
        BillingRunProgress stale = service.process(first, p -> chunksOfFirst.incrementAndGet());
        assertThat(chunksOfFirst).hasValue(0);
        assertThat(stale.status()).isEqualTo(BillingRunStatus.RUNNING);
        assertThat(stale.lastError()).isNull();
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + institution)).isEqualTo(4);

        BillingRunProgress done = service.process(second, p -> { });
        assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(billNumbers(institution)).isEqualTo(expectedNumbers(institution, 10));
    }

    @Test
    void claimAndUnfinishedAreTenantScoped() {
        long a = village(2);
        long b = village(2);
        service(TenantScope.all()).claim(b, MARCH).orElseThrow();
        BillingRunService operatorOfA = service(TenantScope.of(a));
        assertThatThrownBy(() -> operatorOfA.claim(b, MARCH)).isInstanceOf(NotFoundException.class);
        assertThat(operatorOfA.unfinished()).allSatisfy(r -> assertThat(r.institutionId()).isEqualTo(a));
        assertThat(service(TenantScope.none()).unfinished()).isEmpty();
        Optional<BillingRunTicket> own = operatorOfA.claim(a, MARCH);
        assertThat(own).isPresent();
        assertThat(operatorOfA.unfinished()).extracting(BillingRunProgress::institutionId).containsExactly(a);
    }

    // --- fixture ---------------------------------------------------------------------------------------------

    private static String code(long institution) {
        try (Connection c = TestDatabase.settings().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code FROM institution WHERE id = " + institution)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> expectedNumbers(long institution, int n) {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            numbers.add(String.format("%s-2026-%06d", code(institution), i));
        }
        return numbers;
    }

    private static List<String> billNumbers(long institution) {
        List<String> numbers = new ArrayList<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT bill_no FROM bill WHERE institution_id = ? ORDER BY bill_no")) {
            ps.setLong(1, institution);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return numbers;
    }

    /** A village with the RESIDENTIAL tariff and {@code n} subscribers read in March. */
    private static long village(int n) {
        String code = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long id = insert("INSERT INTO institution (code, name, kind, province, district, reading_day, created_at)"
                + " VALUES (?, ?, 'VILLAGE', 'Bolu', 'Mudurnu', 5, NOW())", code, "Lease " + code);
        long tariff = insert("INSERT INTO tariff (institution_id, category, name) VALUES (?, 'RESIDENTIAL', 'Mesken')",
                id);
        long version = insert("INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee, created_at)"
                + " VALUES (?, '2026-01-01', 'PROGRESSIVE', 10.00, NOW())", tariff);
        insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 1, 0, NULL, 4)",
                version);
        for (int i = 0; i < n; i++) {
            long s = insert("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, payment_code,"
                    + " created_at) VALUES (?, ?, 'Deneme Abone', 'RESIDENTIAL', 'ABCD2345', NOW())", id, "7" + i);
            long meter = insert("INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits,"
                    + " installed_on) VALUES (?, ?, ?, 5, '2025-01-01')", id, s, "M" + s);
            insert("INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date, meter_index,"
                    + " consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, '2026-03', '2026-03-05', 110, 10,"
                    + " 'ACTUAL', 'HANDHELD', NOW())", id, s, meter);
        }
        return id;
    }


    private static long insert(String sql, Object... parameters) {
        try (Connection c = TestDatabase.settings().connect();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
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
