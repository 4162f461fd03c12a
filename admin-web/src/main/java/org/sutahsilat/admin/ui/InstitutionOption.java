package org.sutahsilat.admin.ui;

import org.sutahsilat.domain.institution.Institution;

import java.io.Serializable;

/** An institution as a page shows it (a serializable snapshot for view-scoped beans). */
public final class InstitutionOption implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String code;
    private final String name;
    private final String kind;
    private final String place;

    public InstitutionOption(long id, String code, String name, String kind, String place) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.place = place;
    }

    public static InstitutionOption of(Institution i) {
        return new InstitutionOption(i.getId(), i.getCode(), i.getName(), i.getKind().name(),
                i.getDistrict() + " / " + i.getProvince());
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getPlace() {
        return place;
    }
}
