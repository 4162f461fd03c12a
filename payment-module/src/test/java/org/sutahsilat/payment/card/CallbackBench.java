package org.sutahsilat.payment.card;

import org.sutahsilat.infrastructure.jpa.ResourceLocalChunkTransactions;
import org.sutahsilat.payment.card.CardPayments.StartCommand;
import org.sutahsilat.payment.card.CardResults.Outcome;
import org.sutahsilat.payment.card.CardResults.Settlement;
import org.sutahsilat.payment.card.CardResults.Started;
import org.sutahsilat.payment.card.CardTestDatabase.Village;
import org.sutahsilat.payment.iyzico.IyzicoPaymentGateway;
import org.sutahsilat.payment.iyzico.IyzicoSettings;
import org.sutahsilat.payment.iyzico.IyzicoStub;
import org.sutahsilat.payment.iyzico.LightIyzicoStub;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callback benchmark (issue 4 item 7), run by {@code bench/callback.sh}; not a test. N subscribers each start a card
 * payment (initialize against the HTTPS iyzico stub), then every token is delivered several times at once, the way
 * the browser's callback, a refresh and iyzico's webhook arrive: each delivery is the real settlement (retrieve from
 * the stub with its signature, checks, one transaction with the row lock and the conditional state change).
 * Last line: {@code callback-bench settled_per_s=X duplicates=D} where X = attempts settled per second of the
 * delivery phase and D = payments beyond one per attempt, counted in the database. Targets: X >= 200, D = 0.
 * A warm-up round of the same work (default 4000 attempts, fourth argument) runs first and is not counted, so that the
 * figure is the settlement's, not the JIT compiler's. The iyzico stand-in is {@link LightIyzicoStub}.
 */
public final class CallbackBench {

    private static final int VILLAGES = 20;

    private CallbackBench() {
    }

    public static void main(String[] args) {
        boolean ok;
        try {
            ok = run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            ok = false;
        }
        // the driver's and the pools' threads would keep a failed run alive
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(String[] args) throws Exception {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        IyzicoStub.trustStubCertificate();
        FakeIyzico fake = new FakeIyzico();
        LightIyzicoStub stub = FakeIyzico.startForLoad(fake);
        ExecutorService gatewayPool = Executors.newFixedThreadPool(threads * 2);
        IyzicoPaymentGateway gateway = new IyzicoPaymentGateway(new IyzicoSettings(stub.baseUrl(),
                IyzicoStub.API_KEY, IyzicoStub.SECRET_KEY, Duration.ofSeconds(10), Duration.ofSeconds(10)),
                gatewayPool);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        boolean ok;
        try {
            Clock clock = Clock.systemUTC();
            CardPayments card = new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()), gateway,
                    clock, new CardSettings("https://portal.example.org/odeme/donus", Duration.ZERO,
                    CardSettings.IYZICO_TOKEN_LIFETIME, Duration.ofSeconds(60)));
            // subscribers spread over 20 villages (receipt numbers are per institution, as in production)
            List<Village> villages = new ArrayList<>();
            for (int i = 0; i < Math.min(VILLAGES, Math.max(attempts, 1)); i++) {
                villages.add(Village.create());
            }
            Round round = new Round(card, fake, stub, clock, villages, deliveries, workers);
            boolean warmUpOk = true;
            if (warmUp > 0) {
                // the same work, not counted: the JIT compiles the settlement's paths (a server runs for days)
                Result w = round.run(warmUp);
                System.out.printf("warm-up: %d attempts, %d settled, %d failed deliveries, %d duplicates,"
                        + " %.0f settled/s%n", warmUp, w.settled(), w.failures(), w.duplicates(),
                        w.settled() / w.seconds());
                warmUpOk = w.settled() == warmUp && w.failures() == 0 && w.duplicates() == 0;
            }
            Result r = round.run(attempts);
            System.out.printf("attempts=%d deliveries=%d settled=%d payments=%d failed_deliveries=%d seconds=%.2f"
                    + " retrieves=%d new_connections=%d%n", attempts, attempts * deliveries, r.settled(), r.payments(),
                    r.failures(), r.seconds(), r.retrieves(), r.connections());
            Costs spent = r.costs();
            System.out.printf("per settled attempt: jvm_cpu_ms=%.2f db_cpu_ms=%.2f statements=%.1f commits=%.1f"
                    + " (cores busy %.2f of %d; deadlocks in the round: %d)%n", spent.jvmCpuMs / r.settled(),
                    spent.dbCpuMs / r.settled(), (double) spent.statements / r.settled(),
                    (double) spent.commits / r.settled(), (spent.jvmCpuMs + spent.dbCpuMs) / 1000 / r.seconds(),
                    Runtime.getRuntime().availableProcessors(), spent.deadlocks);
            if (r.settled() != attempts) {
                System.err.printf("only %d of %d attempts settled%n", r.settled(), attempts);
            }
            System.out.printf("callback-bench settled_per_s=%.0f duplicates=%d%n", r.settled() / r.seconds(),
                    r.duplicates());
            ok = warmUpOk && r.settled() == attempts && r.failures() == 0;
        } finally {
            workers.shutdownNow();
            gateway.close();
            gatewayPool.shutdownNow();
            stub.close();
        }
        return ok;
    }

    /** {@code connections}: TCP connections (each a TLS handshake) the client opened to the stub while delivering. */
    private record Result(long settled, long payments, long duplicates, int failures, double seconds, int retrieves,
                          int connections, Costs costs) {
    }

    /** One round: N attempts started against the stub (not timed), then all their deliveries at once (timed). */
    private record Round(CardPayments card, FakeIyzico fake, LightIyzicoStub stub, Clock clock, List<Village> villages,
                         int deliveries, ExecutorService workers) {

        Result run(int attempts) throws Exception {
            LocalDate due = LocalDate.now(clock).plusDays(10);
            long firstPayment = CardTestDatabase.count("SELECT COALESCE(MAX(id), 0) FROM payment");
            int retrievesBefore = fake.retrieves.get();
            System.out.printf("setting up %d attempts ...%n", attempts);
            List<Future<Started>> startedFutures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Village village = villages.get(i % villages.size());
                startedFutures.add(workers.submit(() -> {
                    Village v = village.neighbour();
                    v.bill(due, "123.45");
                    return card.start(new StartCommand(v.id, v.subscriberNo, List.of(), "10.1.2.3"));
                }));
            }
            List<Started> started = new ArrayList<>();
            for (Future<Started> f : startedFutures) {
                started.add(f.get());
            }

            // every token delivered `deliveries` times (callback, refresh, webhook), all shuffled and fired at once
            List<Runnable> jobs = new ArrayList<>();
            AtomicInteger failures = new AtomicInteger();
            ConcurrentHashMap<Long, Long> paymentOfAttempt = new ConcurrentHashMap<>();
            AtomicInteger conflictingPayments = new AtomicInteger();
            for (Started s : started) {
                String token = fake.tokenOf(s.attemptId());
                for (int d = 0; d < deliveries; d++) {
                    DeliveryChannel channel = d % 3 == 2 ? DeliveryChannel.WEBHOOK : DeliveryChannel.CALLBACK;
                    String reference = channel == DeliveryChannel.CALLBACK ? s.reference() : null;
                    jobs.add(() -> {
                        try {
                            Settlement r = card.settle(token, channel, reference, "10.1.2.3");
                            if (r.outcome() != Outcome.SUCCEEDED) {
                                failures.incrementAndGet();
                            } else {
                                Long before = paymentOfAttempt.putIfAbsent(s.attemptId(), r.paymentId());
                                if (before != null && !before.equals(r.paymentId())) {
                                    conflictingPayments.incrementAndGet();
                                }
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            System.err.println("delivery failed: " + e);
                        }
                    });
                }
            }
            Collections.shuffle(jobs, new Random(20261128));
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(jobs.size());
            for (Runnable job : jobs) {
                workers.submit(() -> {
                    try {
                        go.await();
                        job.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            System.out.printf("delivering %d tokens x %d ...%n", attempts, deliveries);
            int connectionsBefore = stub.connections();
            Costs before = Costs.now();
            long t0 = System.nanoTime();
            go.countDown();
            done.await();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Costs spent = Costs.now().minus(before);

            long payments = CardTestDatabase.count("SELECT COUNT(*) FROM payment WHERE id > ?", firstPayment);
            long settled = CardTestDatabase.count("SELECT COUNT(*) FROM payment_attempt WHERE status = 'SUCCEEDED'"
                    + " AND payment_id > ?", firstPayment);
            long perAttemptExtra = CardTestDatabase.count("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n"
                    + " FROM payment WHERE id > ? GROUP BY idempotency_key) x", firstPayment);
            long duplicates = Math.max(payments - settled, 0) + perAttemptExtra + conflictingPayments.get();
            return new Result(settled, payments, duplicates, failures.get(), seconds,
                    fake.retrieves.get() - retrievesBefore, stub.connections() - connectionsBefore, spent);
        }
    }

    /** CPU of this JVM and of the embedded MariaDB, and the server's statement and commit counters. */
    private record Costs(double jvmCpuMs, double dbCpuMs, long statements, long commits, long deadlocks) {

        static Costs now() {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            double db = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd"))
                            .orElse(false))
                    .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(
                            System.getProperty("user.dir"))).orElse(false))
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0)).sum();
            return new Costs(os.getProcessCpuTime() / 1e6, db, status("Questions"), status("Com_commit"),
                    status("Innodb_deadlocks"));
        }

        Costs minus(Costs o) {
            return new Costs(jvmCpuMs - o.jvmCpuMs, dbCpuMs - o.dbCpuMs, statements - o.statements,
                    commits - o.commits, deadlocks - o.deadlocks);
        }

        private static long status(String name) {
            return Long.parseLong(CardTestDatabase.string("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                    + " WHERE VARIABLE_NAME = ?", name.toUpperCase()));
        }
    }
}
