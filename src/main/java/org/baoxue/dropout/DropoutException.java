package org.baoxue.dropout;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal the caller can show: not found (also for a case or task outside the user's jurisdiction), invalid
 * input (field errors as message keys), or a conflict (someone else was first, or the case is in another state).
 * Messages are keys of {@code i18n/dropout}; nothing here carries an exception's text. It is a
 * {@link MessageSourceResolvable}, so the task list can show a refusal from a task listener without knowing this module.
 */
public class DropoutException extends RuntimeException implements MessageSourceResolvable {

    public enum Kind { NOT_FOUND, INVALID, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String messageKey;
    private final List<Object> args;
    private final Map<String, FieldError> fieldErrors;

    public record FieldError(String messageKey, List<Object> args) {
    }

    public DropoutException(Kind kind, String messageKey, Object... args) {
        this(kind, messageKey, Map.of(), args);
    }

    public DropoutException(Kind kind, String messageKey, Map<String, FieldError> fieldErrors, Object... args) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = List.of(args);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    public Map<String, FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** For a refused form, the first field's own message ("入户日期：日期不能晚于今天"), which says more than the general one. */
    @Override
    public String[] getCodes() {
        return fieldErrors.isEmpty() ? new String[] {messageKey}
                : new String[] {firstFieldError().messageKey(), messageKey};
    }

    @Override
    public Object[] getArguments() {
        return fieldErrors.isEmpty() ? args.toArray() : firstFieldError().args().toArray();
    }

    private FieldError firstFieldError() {
        return fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst().orElseThrow().getValue();
    }

    @Override
    public String getDefaultMessage() {
        return messageKey;
    }

    static DropoutException notFound() {
        return new DropoutException(Kind.NOT_FOUND, "dropout.error.not-found");
    }

    static DropoutException conflict(String key, Object... args) {
        return new DropoutException(Kind.CONFLICT, key, args);
    }
}
