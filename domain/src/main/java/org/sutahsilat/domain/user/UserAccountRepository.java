package org.sutahsilat.domain.user;

import java.util.Optional;

public interface UserAccountRepository {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> find(long id);

    UserAccount save(UserAccount user);
}
