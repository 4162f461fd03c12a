package org.sutahsilat.domain.tariff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.audit.AuditEntry;
import org.sutahsilat.domain.audit.AuditLog;
import org.sutahsilat.domain.billing.BillCalculator;
import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tariff administration: the tariffs of the institutions in the tenant scope, a new tariff for a category, and new
 * versions of a tariff.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Tenant scope.</b> Everything is looked up within the scope in force; a tariff or institution outside it is
 *     "not found", exactly like a missing one.</li>
 * <li><b>Who.</b> Only COMPANY_ADMIN and OPERATOR create tariffs and versions ({@code error.tariff.notAllowed});
 *     everyone in scope may read them.</li>
 * <li><b>Versions are immutable.</b> There is no edit and no delete: a change of price is a new version from a later
 *     day. Its effective date must be after the latest version's ({@code error.tariff.validFrom.notAfterLatest}) and
 *     after everything the institution has billed ({@code error.tariff.validFrom.billed}: the last reading date a
 *     bill was priced on, the end of the last period a billing run started for), so that neither an issued bill nor
 *     its correction ({@code BillingRunService.reissue} prices at the version in force on the reading date) could be
 *     priced
 *     differently. Bills keep their own lines in any case.</li>
 * <li><b>The terms</b> ({@link VersionDraft#validate}, {@link TariffRules#check}): tier table from 0 m³, contiguous,
 *     the last one open-ended; nothing negative; KDV rates between 0 and 1; no ÇTV in a village; decimals as the
 *     columns keep them. A refusal is a {@link DomainException} with the rule's key; nothing is written.</li>
 * <li><b>Audit.</b> Every tariff and version created is in the audit log (who, when, what).</li>
 * </ol>
 */
@ApplicationScoped
@Transactional
public class TariffService {

    /** The largest consumption the preview accepts (a sanity bound for a form field). */
    public static final long PREVIEW_MAX_M3 = 1_000_000;

    private TariffRepository tariffs;
    private InstitutionRepository institutions;
    private AuditLog audit;
    private Clock clock;
    private final BillCalculator calculator = new BillCalculator();

    protected TariffService() {
        // for CDI proxies
    }

    @Inject
    public TariffService(TariffRepository tariffs, InstitutionRepository institutions, AuditLog audit, Clock clock) {
        this.tariffs = tariffs;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tariffs of the institutions in scope (of one institution when given), by institution name and category. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TariffView> list(Long institutionId) {
        Map<Long, Institution> byId = new HashMap<>();
        for (Institution i : institutions.findVisible()) {
            byId.put(i.getId(), i);
        }
        Map<Long, Optional<LocalDate>> billed = new HashMap<>();
        return tariffs.findVisible(institutionId).stream()
                .filter(t -> byId.containsKey(t.getInstitutionId()))
                .map(t -> view(t, byId.get(t.getInstitutionId()),
                        billed.computeIfAbsent(t.getInstitutionId(), tariffs::billedThrough)))
                .sorted(Comparator.comparing(TariffView::institutionName).thenComparing(TariffView::category))
                .toList();
    }

    /** One tariff with its versions; not found outside the scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TariffView get(long tariffId) {
        Tariff t = tariffs.find(tariffId).orElseThrow(() -> new NotFoundException("tariff", tariffId));
        return view(t, institution(t.getInstitutionId()), tariffs.billedThrough(t.getInstitutionId()));
    }

    /** The first day a new tariff of the institution may start (after everything billed); not found outside scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate earliestStart(long institutionId) {
        institution(institutionId);
        return tariffs.billedThrough(institutionId).map(d -> d.plusDays(1)).orElse(LocalDate.now(clock));
    }

    /** The institution's kind (what the form needs to know about ÇTV and KDV); not found outside scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Institution institution(long institutionId) {
        return institutions.find(institutionId).orElseThrow(() -> new NotFoundException("institution", institutionId));
    }

    /** Creates the institution's tariff for a category with its first version. */
    public TariffView create(AuthenticatedUser actor, long institutionId, SubscriberCategory category, String name,
                             VersionDraft first) {
        requireEditor(actor);
        Institution institution = institution(institutionId);
        if (category == null) {
            throw new DomainException("error.tariff.required", "category is required", "category");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new DomainException("error.tariff.name", "a tariff needs a name of 1 to 200 characters");
        }
        if (tariffs.findByCategory(institutionId, category).isPresent()) {
            throw new DomainException("error.tariff.exists", "the institution already has a tariff for " + category,
                    category.name());
        }
        Objects.requireNonNull(first, "first version");
        first.validate(institution.getKind());
        Optional<LocalDate> billed = tariffs.billedThrough(institutionId);
        requireAfterBilled(first.validFrom(), billed);
        Tariff tariff = Tariff.create(institutionId, category, cleanName);
        TariffVersion version = first.buildOn(tariff, institution.getKind(), clock.instant(), actor.id());
        tariffs.add(tariff);
        record(actor, institutionId, "TARIFF_CREATED", "tariff", tariff.getId(),
                "category=" + category + " name=" + cleanName + "; " + describe(version));
        return view(tariff, institution, billed);
    }

    /** Adds a version to the tariff, from a day after its latest version and after everything billed. */
    public TariffView addVersion(AuthenticatedUser actor, long tariffId, VersionDraft draft) {
        requireEditor(actor);
        Tariff tariff = tariffs.findForUpdate(tariffId).orElseThrow(() -> new NotFoundException("tariff", tariffId));
        Institution institution = institution(tariff.getInstitutionId());
        Objects.requireNonNull(draft, "draft");
        draft.validate(institution.getKind());
        List<TariffVersion> versions = tariff.getVersions();
        if (!versions.isEmpty()) {
            LocalDate latest = versions.get(versions.size() - 1).getValidFrom();
            if (!draft.validFrom().isAfter(latest)) {
                throw new DomainException("error.tariff.validFrom.notAfterLatest", "the new version must start after "
                        + latest + " (the latest version's date), not on " + draft.validFrom(), draft.validFrom(),
                        latest);
            }
        }
        Optional<LocalDate> billed = tariffs.billedThrough(tariff.getInstitutionId());
        requireAfterBilled(draft.validFrom(), billed);
        TariffVersion version = draft.buildOn(tariff, institution.getKind(), clock.instant(), actor.id());
        tariffs.addVersion(version);
        record(actor, tariff.getInstitutionId(), "TARIFF_VERSION_CREATED", "tariff_version", version.getId(),
                "tariff=" + tariff.getId() + " category=" + tariff.getCategory() + "; " + describe(version));
        return view(tariff, institution, billed);
    }

    /**
     * What a subscriber of the institution would pay for the consumption under the draft's terms (the "15 m³ → ₺…"
     * of the form), with the bill calculator the billing run uses. Refuses an invalid draft like saving would.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BillComputation preview(long institutionId, VersionDraft draft, CubicMeters consumption) {
        Institution institution = institution(institutionId);
        if (consumption == null || consumption.value() > PREVIEW_MAX_M3) {
            throw new DomainException("error.tariff.preview.consumption",
                    "the sample consumption must be between 0 and " + PREVIEW_MAX_M3 + " m³", PREVIEW_MAX_M3);
        }
        TariffVersion unsaved = draft.validate(institution.getKind());
        return calculator.compute(institution, unsaved, consumption);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void requireEditor(AuthenticatedUser actor) {
        if (actor == null || !(actor.hasRole(Role.COMPANY_ADMIN) || actor.hasRole(Role.OPERATOR))) {
            throw new DomainException("error.tariff.notAllowed",
                    "only a company administrator or an operator may create tariffs and versions");
        }
    }

    private static void requireAfterBilled(LocalDate validFrom, Optional<LocalDate> billedThrough) {
        if (billedThrough.isPresent() && !validFrom.isAfter(billedThrough.get())) {
            throw new DomainException("error.tariff.validFrom.billed", validFrom + " falls in a period already billed"
                    + " (bills up to " + billedThrough.get() + "); a new version must start after that day",
                    validFrom, billedThrough.get());
        }
    }

    private void record(AuthenticatedUser actor, long institutionId, String action, String entityType, Long entityId,
                        String detail) {
        audit.record(AuditEntry.of(clock.instant(), actor.id(), actor.username(), institutionId, action, entityType,
                entityId, detail, null));
    }

    private static String describe(TariffVersion v) {
        StringBuilder sb = new StringBuilder("validFrom=").append(v.getValidFrom()).append(" mode=")
                .append(v.getTierMode()).append(" tiers=");
        for (TariffTier t : v.getTiers()) {
            sb.append('[').append(t.getFromM3()).append('-').append(t.getToM3() == null ? "" : t.getToM3())
                    .append('@').append(t.getUnitPrice().toPlainString()).append(']');
        }
        return sb.append(" fixedFee=").append(v.getFixedFee()).append(" minimum=").append(v.getMinimumCharge())
                .append(" wastewater=").append(v.getWastewaterMode()).append(':')
                .append(v.getWastewaterValue().toPlainString()).append(" ctv=").append(v.getCtvPerM3().toPlainString())
                .append(" kdv=").append(v.getKdvWaterRate().toPlainString()).append('/')
                .append(v.getKdvWastewaterRate().toPlainString()).append('/')
                .append(v.getKdvFixedFeeRate().toPlainString()).toString();
    }

    private static TariffView view(Tariff t, Institution institution, Optional<LocalDate> billedThrough) {
        List<TariffVersion> versions = t.getVersions();
        LocalDate earliest = billedThrough.map(d -> d.plusDays(1)).orElse(null);
        if (!versions.isEmpty()) {
            LocalDate afterLatest = versions.get(versions.size() - 1).getValidFrom().plusDays(1);
            earliest = earliest == null || afterLatest.isAfter(earliest) ? afterLatest : earliest;
        }
        return new TariffView(t.getId(), t.getInstitutionId(), institution.getName(), institution.getKind(),
                t.getCategory(), t.getName(), versions.stream().map(TariffView.VersionView::of).toList(), earliest);
    }
}
