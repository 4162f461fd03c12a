package org.sutahsilat.domain.user;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

/**
 * Password hashes for staff users: Argon2id in Shiro 2's crypt format ({@code $shiro2$argon2id$...}),
 * salted per password. The same service verifies at login (Shiro's PasswordMatcher) and hashes here.
 */
public final class PasswordHashing {

    public static final int MIN_LENGTH = 12;

    private static final PasswordService SERVICE = new DefaultPasswordService();

    private PasswordHashing() {
    }

    public static PasswordService service() {
        return SERVICE;
    }

    public static String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        return SERVICE.encryptPassword(password);
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && SERVICE.passwordsMatch(password, hash);
    }
}
