package org.baoxue.registry;

/** A whole file refused before any row is looked at: its message key and arguments say why, in the user's language. */
class ImportRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    ImportRefused(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
