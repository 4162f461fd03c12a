package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sutahsilat.domain.user.UserAccount;
import org.sutahsilat.domain.user.UserAccountRepository;

import java.util.Optional;

/** Staff accounts are company-wide (not tenant data); who may manage them is decided by role. */
@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = JpaRepositorySupport.UNIT)
    private EntityManager em;

    protected JpaUserAccountRepository() {
    }

    public JpaUserAccountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :username", UserAccount.class)
                .setParameter("username", UserAccount.normalizeUsername(username))
                .getResultStream().findFirst();
    }

    @Override
    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public UserAccount save(UserAccount user) {
        if (user.getId() == null) {
            em.persist(user);
            return user;
        }
        return em.merge(user);
    }
}
