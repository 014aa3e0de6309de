package org.baoxue.aid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads submitted form values (strings, numbers or booleans, as the task list or the API sends them). */
final class FormValues {

    private FormValues() {
    }

    static String text(VariableScope scope, String name, int max, boolean required) {
        Object v = scope.getVariable(name);
        String s = v == null ? null : v.toString().strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                throw new AidRefusal("aid.refusal.required", name);
            }
            return null;
        }
        if (s.length() > max) {
            throw new AidRefusal("aid.refusal.tooLong", name, max);
        }
        return s;
    }

    /** A required text of at least {@code min} characters, as the form's minLength says. */
    static String text(VariableScope scope, String name, int min, int max) {
        String s = text(scope, name, max, true);
        if (s.length() < min) {
            throw new AidRefusal("aid.refusal.tooShort", name, min);
        }
        return s;
    }

    static Integer integer(VariableScope scope, String name, int min, int max, boolean required) {
        Object v = scope.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw new AidRefusal("aid.refusal.required", name);
            }
            return null;
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
            if (d != Math.floor(d) || d < min || d > max) {
                throw new AidRefusal("aid.refusal.range", name, min, max);
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new AidRefusal("aid.refusal.range", name, min, max);
        }
    }

    static boolean checked(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v instanceof Boolean b ? b : v != null && ("true".equalsIgnoreCase(v.toString()) || "on".equals(v.toString()));
    }

    static LocalDate date(VariableScope scope, String name, boolean required) {
        String s = text(scope, name, 40, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new AidRefusal("aid.refusal.date", name);
        }
    }

    static String oneOf(VariableScope scope, String name, java.util.Set<String> allowed) {
        String s = text(scope, name, 40, true);
        if (!allowed.contains(s)) {
            throw new AidRefusal("aid.refusal.choice", name);
        }
        return s;
    }
}
