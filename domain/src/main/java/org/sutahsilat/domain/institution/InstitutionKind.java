package org.sutahsilat.domain.institution;

/** Köy tüzel kişiliği (village legal entity) or belediye (municipality). */
public enum InstitutionKind {
    VILLAGE,
    MUNICIPALITY
}
