package org.sutahsilat.domain.tariff;

import org.sutahsilat.domain.subscriber.SubscriberCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Tariffs within the tenant scope in force; anything outside it is not found. */
public interface TariffRepository {

    /** The tariff with this id, locked for update (adding versions one at a time), if it is in scope. */
    Optional<Tariff> findForUpdate(long id);

    Optional<Tariff> find(long id);

    /** The tariffs of the institutions in scope (of one institution when the id is given), versions and tiers loaded. */
    List<Tariff> findVisible(Long institutionId);

    Optional<Tariff> findByCategory(long institutionId, SubscriberCategory category);

    /** Saves a new tariff (with its first version); a second tariff for the same category is refused. */
    Tariff add(Tariff tariff);

    /** Saves a version just added to a tariff found here. */
    void addVersion(TariffVersion version);

    /**
     * The last day whose consumption the institution has billed: the later of the last day any of its bills was
     * priced on (its reading's date; the issue date for a bill without a reading) and the last day of the latest
     * period it started a billing run for. Empty when nothing was billed yet.
     */
    Optional<LocalDate> billedThrough(long institutionId);
}
