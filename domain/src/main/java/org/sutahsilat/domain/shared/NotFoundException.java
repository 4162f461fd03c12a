package org.sutahsilat.domain.shared;

/** The thing asked for does not exist, or lies outside the caller's tenant scope (the two are not told apart). */
public class NotFoundException extends DomainException {
    public NotFoundException(String what, Object id) {
        super("error.notFound", what + " not found: " + id, what, id);
    }
}
