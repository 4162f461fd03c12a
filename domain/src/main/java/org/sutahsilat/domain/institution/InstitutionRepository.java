package org.sutahsilat.domain.institution;

import java.util.List;
import java.util.Optional;

public interface InstitutionRepository {

    /** Within the tenant scope in force. */
    Optional<Institution> find(long id);

    /** Within the tenant scope in force, by name (Turkish order). */
    List<Institution> findVisible();

    /**
     * Every active institution's id, code and name, regardless of tenant scope: public facts, used by the portal's
     * institution picker.
     */
    List<Institution> findActiveForPublicListing();

    /** One active institution by id, regardless of tenant scope (the public facts a portal page names). */
    Optional<Institution> findActiveForPublic(long id);

    Institution save(Institution institution);
}
