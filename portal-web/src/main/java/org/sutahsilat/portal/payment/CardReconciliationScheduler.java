package org.sutahsilat.portal.payment;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.sutahsilat.payment.card.CardPaymentService;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the card reconciliation every {@code su.payment.reconcile-seconds} (default 300) on the container's managed
 * scheduler; the database lease lets one node at a time do the work.
 */
@WebListener
public class CardReconciliationScheduler implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(CardReconciliationScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CardPaymentService card;

    private ScheduledFuture<?> task;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!card.enabled() || scheduler == null) {
            return;
        }
        long every = Math.max(30, card.reconcileSeconds());
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                card.reconcile();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "card reconciliation failed", e);
            }
        }, every, every, TimeUnit.SECONDS);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
