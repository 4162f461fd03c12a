package org.sutahsilat.admin.ui;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.billing.BillingRunTicket;
import org.sutahsilat.domain.billing.ChunkListener;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes claimed billing runs on the container's default {@link ManagedExecutorService}. The ticket was claimed
 * in the request thread under the user's tenant scope; the worker needs no request of its own.
 */
@ApplicationScoped
public class BillingRunLauncher {

    private static final Logger LOG = Logger.getLogger(BillingRunLauncher.class.getName());

    @Resource
    ManagedExecutorService executor;
    @Inject
    BillingRunService billingRunService;

    public void launch(BillingRunTicket ticket) {
        executor.submit(() -> {
            try {
                BillingRunProgress end = billingRunService.process(ticket, ChunkListener.NONE, executor);
                if (!end.isCompleted()) {
                    // another worker claimed the run (this one was presumed dead): it carries on, this one stops
                    LOG.warning("billing run handed over to another worker: " + ticket);
                }
            } catch (RuntimeException e) {
                // process() marked the run FAILED with the reason; the page shows it
                LOG.log(Level.WARNING, "billing run failed: " + ticket, e);
            }
        });
    }
}
