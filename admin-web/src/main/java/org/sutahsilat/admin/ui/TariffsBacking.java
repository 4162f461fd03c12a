package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.billing.BillLineTexts;
import org.sutahsilat.domain.billing.ComputedLine;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.TariffService;
import org.sutahsilat.domain.tariff.TariffView;
import org.sutahsilat.domain.tariff.TariffView.VersionView;
import org.sutahsilat.domain.tariff.TierDraft;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.VersionDraft;
import org.sutahsilat.domain.tariff.WastewaterMode;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * tariffs.xhtml: the tariffs of the user's institutions with their current version and history, and the form that
 * creates a tariff or a new version (pre-filled from the latest one) with a live sample bill. Every rule, the role
 * check and the tenant scope are {@link TariffService}'s; this bean only converts the form (percentages to fractions)
 * and shows the service's answers. {@code ?tariff=ID} opens the new-version form of that tariff.
 */
@Named
@ViewScoped
public class TariffsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    TariffService tariffService;
    @Inject
    InstitutionRepository institutionRepository;
    @Inject
    Clock clock;
    @Inject
    LocaleBacking localeBacking;

    private List<TariffView> tariffs;
    private List<InstitutionOption> institutions;
    private boolean editor;
    /**
     * The {@code ?tariff=} parameter. Kept apart from the form's {@link #tariffId}: a view parameter is applied again
     * on every postback, and must never redirect a save to another tariff.
     */
    private Long requestedTariff;

    // the form
    private boolean editing;
    private Long tariffId;
    private String editingTitle;
    private Long institutionId;
    private SubscriberCategory category;
    private String name;
    private LocalDate validFrom;
    private TierMode tierMode;
    private List<TierRow> rows = new ArrayList<>();
    private BigDecimal fixedFee;
    private BigDecimal minimumCharge;
    private WastewaterMode wastewaterMode;
    private BigDecimal wastewaterValue;
    private BigDecimal ctvPerM3;
    private BigDecimal kdvWaterPercent;
    private BigDecimal kdvWastewaterPercent;
    private BigDecimal kdvFixedFeePercent;
    private Long sampleM3 = 15L;
    private BillComputation preview;
    private String previewError;

    @PostConstruct
    void init() {
        editor = CurrentUser.get().map(u -> u.hasRole(Role.COMPANY_ADMIN) || u.hasRole(Role.OPERATOR)).orElse(false);
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        reload();
    }

    private void reload() {
        tariffs = tariffService.list(null);
    }

    /** The view action of {@code ?tariff=ID} (a GET only): opens the new-version form of that tariff. */
    public void openFromParameter() {
        if (requestedTariff != null) {
            newVersion(requestedTariff);
        }
    }

    /** "Yeni sürüm": the form pre-filled from the tariff's latest version, from the first day still open. */
    public void newVersion(long id) {
        editing = false;
        try {
            requireEditor();
            TariffView t = tariffService.get(id);
            VersionDraft from = t.latest().map(VersionView::terms)
                    .orElse(VersionDraft.defaults(t.institutionKind(), null));
            LocalDate day = t.earliestNewFrom() == null || t.earliestNewFrom().isBefore(today()) ? today()
                    : t.earliestNewFrom();
            fill(from.from(day));
            tariffId = t.id();
            institutionId = t.institutionId();
            category = t.category();
            name = t.name();
            editingTitle = t.institutionName() + " · " + Messages.text(locale(), "category." + t.category().name());
            editing = true;
            preview();
        } catch (DomainException e) {
            tariffId = null;
            error(e);
        }
    }

    /** "Yeni tarife": a tariff for a category that has none yet, with defaults for the institution's kind. */
    public void newTariff() {
        editing = false;
        try {
            requireEditor();
            tariffId = null;
            institutionId = institutions.isEmpty() ? null : institutions.get(0).getId();
            category = null;
            name = null;
            editingTitle = Messages.text(locale(), "tariff.newTariff");
            institutionChanged();
            editing = true;
        } catch (DomainException e) {
            error(e);
        }
    }

    /** The institution of a new tariff changed: its kind decides the defaults (KDV, ÇTV). */
    public void institutionChanged() {
        if (institutionId == null) {
            return;
        }
        try {
            Institution i = tariffService.institution(institutionId);
            LocalDate start = tariffService.earliestStart(institutionId);
            fill(VersionDraft.defaults(i.getKind(), start.isBefore(today()) ? today() : start));
            preview();
        } catch (DomainException e) {
            error(e);
        }
    }

    public void cancel() {
        editing = false;
        tariffId = null;
    }

    public void addRow() {
        TierRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (last != null && last.getToM3() == null) {
            last.setToM3(fromOf(rows.size() - 1) + 10);
        }
        rows.add(new TierRow(null, last == null ? BigDecimal.ZERO : last.getUnitPrice()));
        preview();
    }

    public void removeRow(int index) {
        if (index >= 0 && index < rows.size() && rows.size() > 1) {
            rows.remove(index);
            rows.get(rows.size() - 1).setToM3(null);
        }
        preview();
    }

    /** The first m³ of a row: where the previous row ends (so the table has no gap by construction). */
    public long fromOf(int index) {
        if (index <= 0) {
            return 0;
        }
        Long previousTo = rows.get(index - 1).getToM3();
        return previousTo == null ? 0 : previousTo;
    }

    public boolean isLastRow(int index) {
        return index == rows.size() - 1;
    }

    /** The sample bill of the form's terms ("15 m³ → ₺…"), by the calculator the billing run uses. */
    public void preview() {
        preview = null;
        previewError = null;
        if (!editing && tariffId == null && institutionId == null) {
            return;
        }
        try {
            long m3 = sampleM3 == null || sampleM3 < 0 ? 0 : sampleM3;
            preview = tariffService.preview(institutionId, draft(), CubicMeters.of(m3));
        } catch (DomainException e) {
            previewError = text(e);
        }
    }

    /** "Kaydet": creates the tariff or the new version; a refusal is shown and nothing is saved. */
    public void save() {
        try {
            AuthenticatedUser actor = CurrentUser.get().orElse(null);
            TariffView saved = tariffId != null
                    ? tariffService.addVersion(actor, tariffId, draft())
                    : tariffService.create(actor, institutionId == null ? -1 : institutionId, category, name, draft());
            editing = false;
            tariffId = null;
            reload();
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    Messages.text(locale(), "tariff.saved", saved.name(), formatDate(saved.latest().orElseThrow()
                            .terms().validFrom())), null));
        } catch (DomainException e) {
            error(e);
        }
    }

    // --- the form <-> the draft -------------------------------------------------------------------------------

    private void fill(VersionDraft d) {
        validFrom = d.validFrom();
        tierMode = d.tierMode();
        rows = new ArrayList<>();
        for (TierDraft t : d.tiers()) {
            rows.add(new TierRow(t.toM3(), t.unitPrice()));
        }
        fixedFee = d.fixedFee();
        minimumCharge = d.minimumCharge();
        wastewaterMode = d.wastewaterMode();
        wastewaterValue = d.wastewaterMode() == WastewaterMode.SHARE_OF_WATER ? percent(d.wastewaterValue())
                : d.wastewaterValue();
        ctvPerM3 = d.ctvPerM3();
        kdvWaterPercent = percent(d.kdvWaterRate());
        kdvWastewaterPercent = percent(d.kdvWastewaterRate());
        kdvFixedFeePercent = percent(d.kdvFixedFeeRate());
    }

    VersionDraft draft() {
        List<TierDraft> tiers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TierRow r = rows.get(i);
            tiers.add(new TierDraft(fromOf(i), isLastRow(i) ? null : r.getToM3(), r.getUnitPrice()));
        }
        BigDecimal ww = wastewaterValue == null ? BigDecimal.ZERO : wastewaterValue;
        return new VersionDraft(validFrom, tierMode, tiers, zeroIfNull(fixedFee), zeroIfNull(minimumCharge),
                wastewaterMode, wastewaterMode == WastewaterMode.SHARE_OF_WATER ? fraction(ww) : ww,
                zeroIfNull(ctvPerM3), fraction(kdvWaterPercent), fraction(kdvWastewaterPercent),
                fraction(kdvFixedFeePercent));
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? BigDecimal.ZERO : percent.movePointLeft(2);
    }

    private static BigDecimal percent(BigDecimal fraction) {
        BigDecimal p = fraction.multiply(HUNDRED).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    // --- what the page shows ----------------------------------------------------------------------------------

    /** The version in force today, if any. */
    public VersionView current(TariffView t) {
        return t.versionOn(today()).orElse(null);
    }

    /** CURRENT, PLANNED or PAST: a version's state today. */
    public String state(TariffView t, VersionView v) {
        if (v.terms().validFrom().isAfter(today())) {
            return "PLANNED";
        }
        VersionView c = current(t);
        return c != null && c.id() == v.id() ? "CURRENT" : "PAST";
    }

    /** The tiers in a line: "0–8 m³ ₺4,00 · 8–16 m³ ₺6,00 · 16 m³ üzeri ₺9,00". */
    public String tiers(VersionDraft d) {
        List<String> parts = new ArrayList<>();
        for (TierDraft t : d.tiers()) {
            String bounds = t.toM3() == null ? Messages.text(locale(), "tariff.tierOpen", t.fromM3())
                    : Messages.text(locale(), "tariff.tierBounded", t.fromM3(), t.toM3());
            parts.add(bounds + " " + price(t.unitPrice()));
        }
        return String.join(" · ", parts);
    }

    /** Wastewater in words: "yok", "₺3,25/m³", "su bedelinin %50'si". */
    public String wastewater(VersionDraft d) {
        return switch (d.wastewaterMode()) {
            case NONE -> Messages.text(locale(), "tariff.wastewater.none");
            case PER_M3 -> Messages.text(locale(), "tariff.wastewater.perM3Value", price(d.wastewaterValue()));
            case SHARE_OF_WATER -> Messages.text(locale(), "tariff.wastewater.shareValue",
                    number(percent(d.wastewaterValue())));
        };
    }

    /** KDV rates: "%1 / %10 / %0" (water / wastewater / fixed fee). */
    public String kdv(VersionDraft d) {
        return Messages.text(locale(), "tariff.kdvValue", number(percent(d.kdvWaterRate())),
                number(percent(d.kdvWastewaterRate())), number(percent(d.kdvFixedFeeRate())));
    }

    public String money(BigDecimal amount) {
        return Money.of(amount).format(locale());
    }

    /** A unit price: ₺ and at least two decimals, up to the four a tier keeps. */
    public String price(BigDecimal value) {
        return "₺" + number(value);
    }

    public String number(BigDecimal value) {
        return DecimalConverter.format(value, DecimalFormatSymbols.getInstance(locale()).getDecimalSeparator());
    }

    public String formatDate(LocalDate day) {
        return day == null ? "" : day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    public String describe(ComputedLine line) {
        return BillLineTexts.describe(line, locale());
    }

    public boolean isVillage() {
        if (institutionId == null) {
            return false;
        }
        return institutions.stream().filter(i -> i.getId() == institutionId).findFirst()
                .map(i -> InstitutionKind.VILLAGE.name().equals(i.getKind())).orElse(false);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void requireEditor() {
        if (!editor) {
            throw new DomainException("error.tariff.notAllowed", "read-only user");
        }
    }

    /**
     * The session's language. Not the view root's: a view action (the {@code ?tariff=} GET) runs before the view's
     * locale is set from the template.
     */
    private Locale locale() {
        return localeBacking.getLocale();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void error(DomainException e) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(e), null));
    }

    /** The refusal in the user's language; a field name among the arguments is shown by its label. */
    private String text(DomainException e) {
        Locale locale = locale();
        Object[] args = Arrays.stream(e.arguments()).map(a -> {
            if (a instanceof String s) {
                for (String prefix : List.of("tariff.field.", "category.")) {
                    String label = Messages.text(locale, prefix + s);
                    if (!label.startsWith("???")) {
                        return label;
                    }
                }
                return s;
            }
            if (a instanceof LocalDate d) {
                return d.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            }
            return a;
        }).toArray();
        return Messages.text(locale, e.messageKey(), args);
    }

    // --- getters and setters ----------------------------------------------------------------------------------

    public List<TariffView> getTariffs() {
        return tariffs;
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public boolean isEditor() {
        return editor;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isNewTariff() {
        return editing && tariffId == null;
    }

    public String getEditingTitle() {
        return editingTitle;
    }

    public SubscriberCategory[] getCategories() {
        return SubscriberCategory.values();
    }

    public TierMode[] getTierModes() {
        return TierMode.values();
    }

    public WastewaterMode[] getWastewaterModes() {
        return WastewaterMode.values();
    }

    public Long getRequestedTariff() {
        return requestedTariff;
    }

    public void setRequestedTariff(Long requestedTariff) {
        this.requestedTariff = requestedTariff;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public SubscriberCategory getCategory() {
        return category;
    }

    public void setCategory(SubscriberCategory category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public TierMode getTierMode() {
        return tierMode;
    }

    public void setTierMode(TierMode tierMode) {
        this.tierMode = tierMode;
    }

    public List<TierRow> getRows() {
        return rows;
    }

    public BigDecimal getFixedFee() {
        return fixedFee;
    }

    public void setFixedFee(BigDecimal fixedFee) {
        this.fixedFee = fixedFee;
    }

    public BigDecimal getMinimumCharge() {
        return minimumCharge;
    }

    public void setMinimumCharge(BigDecimal minimumCharge) {
        this.minimumCharge = minimumCharge;
    }

    public WastewaterMode getWastewaterMode() {
        return wastewaterMode;
    }

    public void setWastewaterMode(WastewaterMode wastewaterMode) {
        this.wastewaterMode = wastewaterMode;
    }

    public BigDecimal getWastewaterValue() {
        return wastewaterValue;
    }

    public void setWastewaterValue(BigDecimal wastewaterValue) {
        this.wastewaterValue = wastewaterValue;
    }

    public BigDecimal getCtvPerM3() {
        return ctvPerM3;
    }

    public void setCtvPerM3(BigDecimal ctvPerM3) {
        this.ctvPerM3 = ctvPerM3;
    }

    public BigDecimal getKdvWaterPercent() {
        return kdvWaterPercent;
    }

    public void setKdvWaterPercent(BigDecimal kdvWaterPercent) {
        this.kdvWaterPercent = kdvWaterPercent;
    }

    public BigDecimal getKdvWastewaterPercent() {
        return kdvWastewaterPercent;
    }

    public void setKdvWastewaterPercent(BigDecimal kdvWastewaterPercent) {
        this.kdvWastewaterPercent = kdvWastewaterPercent;
    }

    public BigDecimal getKdvFixedFeePercent() {
        return kdvFixedFeePercent;
    }

    public void setKdvFixedFeePercent(BigDecimal kdvFixedFeePercent) {
        this.kdvFixedFeePercent = kdvFixedFeePercent;
    }

    public Long getSampleM3() {
        return sampleM3;
    }

    public void setSampleM3(Long sampleM3) {
        this.sampleM3 = sampleM3;
    }

    public BillComputation getPreview() {
        return preview;
    }

    public String getPreviewError() {
        return previewError;
    }
}
