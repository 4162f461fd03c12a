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
 */
public final class CallbackBench {

    private static final int VILLAGES = 20;

    private CallbackBench() {
    }

    public static void main(String[] args) throws Exception {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        IyzicoStub.trustStubCertificate();
        FakeIyzico fake = new FakeIyzico();
        IyzicoStub stub = FakeIyzico.startForLoad(fake);
        ExecutorService gatewayPool = Executors.newFixedThreadPool(threads * 2);
        IyzicoPaymentGateway gateway = new IyzicoPaymentGateway(new IyzicoSettings(stub.baseUrl(),
                IyzicoStub.API_KEY, IyzicoStub.SECRET_KEY, Duration.ofSeconds(10), Duration.ofSeconds(10)), gatewayPool);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            Clock clock = Clock.systemUTC();
            CardPayments card = new CardPayments(new ResourceLocalChunkTransactions(CardTestDatabase.emf()), gateway,
                    clock, new CardSettings("https://portal.example.org/odeme/donus", Duration.ZERO,
                    CardSettings.IYZICO_TOKEN_LIFETIME, Duration.ofSeconds(60)));
            LocalDate due = LocalDate.now(clock).plusDays(10);
            long firstPayment = CardTestDatabase.count("SELECT COALESCE(MAX(id), 0) FROM payment");

            // setup (not timed): subscribers spread over 20 villages (receipt numbers are per institution, as in
            // production), one open bill each, then each attempt initialized against the stub
            System.out.printf("setting up %d attempts ...%n", attempts);
            List<Village> villages = new ArrayList<>();
            for (int i = 0; i < Math.min(VILLAGES, attempts); i++) {
                villages.add(Village.create());
            }
            List<Future<Started>> startedFutures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Village village = villages.get(i % villages.size());
                boolean first = i < villages.size();
                startedFutures.add(workers.submit(() -> {
                    Village v = first ? village : village.neighbour();
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
            System.out.printf("delivering %d tokens x %d with %d threads ...%n", attempts, deliveries, threads);
            long t0 = System.nanoTime();
            go.countDown();
            done.await();
            double seconds = (System.nanoTime() - t0) / 1e9;

            long payments = CardTestDatabase.count("SELECT COUNT(*) FROM payment WHERE id > ?", firstPayment);
            long settled = CardTestDatabase.count("SELECT COUNT(*) FROM payment_attempt WHERE status = 'SUCCEEDED'"
                    + " AND payment_id > ?", firstPayment);
            long perAttemptExtra = CardTestDatabase.count("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n"
                    + " FROM payment WHERE id > ? GROUP BY idempotency_key) x", firstPayment);
            long duplicates = Math.max(payments - settled, 0) + perAttemptExtra + conflictingPayments.get();
            System.out.printf("attempts=%d deliveries=%d settled=%d payments=%d failed_deliveries=%d seconds=%.2f"
                    + " retrieves=%d%n", attempts, jobs.size(), settled, payments, failures.get(), seconds,
                    fake.retrieves.get());
            if (settled != attempts) {
                System.err.printf("only %d of %d attempts settled%n", settled, attempts);
            }
            System.out.printf("callback-bench settled_per_s=%.0f duplicates=%d%n", settled / seconds, duplicates);
            if (settled != attempts || failures.get() > 0) {
                System.exit(1);
            }
        } finally {
            workers.shutdownNow();
            gateway.close();
            gatewayPool.shutdownNow();
            stub.close();
        }
        System.exit(0);
    }
}
