package org.baoxue.aid;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input the aid module refuses, with a message key of the aid bundle and its arguments: thrown by the API and by
 * the task listeners (a refused task completion rolls back and changes nothing). {@code status} is the HTTP
 * status the API answers with. It is a {@link MessageSourceResolvable}, so the task list can show the refusal in the
 * user's language without knowing this module: find it in the cause chain and resolve it with the MessageSource.
 */
public class AidRefusal extends RuntimeException implements MessageSourceResolvable {

    private final String messageKey;
    private final transient Object[] args;
    private final int status;

    public AidRefusal(String messageKey, Object... args) {
        this(400, messageKey, args);
    }

    public AidRefusal(int status, String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
        this.status = status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public int status() {
        return status;
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    @Override
    public String getDefaultMessage() {
        return messageKey;
    }

    /** The refusal somewhere in a cause chain (Camunda wraps listener exceptions), if any. */
    public static AidRefusal in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AidRefusal r) {
                return r;
            }
        }
        return null;
    }
}
