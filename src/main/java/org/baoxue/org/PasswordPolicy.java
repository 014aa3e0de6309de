package org.baoxue.org;

/** At least 10 characters, with letters and digits: the floor for an account that can do everything. */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    static void check(String password) {
        if (password == null || password.length() < 10
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new IllegalStateException("The administrator's password must have at least 10 characters, with letters and digits");
        }
    }
}
