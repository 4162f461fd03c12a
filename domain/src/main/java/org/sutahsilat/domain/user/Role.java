package org.sutahsilat.domain.user;

/** Staff roles (see domain.md "Who uses it"). */
public enum Role {
    COMPANY_ADMIN,
    OPERATOR,
    READER,
    LEGAL,
    INSTITUTION_VIEWER
}
