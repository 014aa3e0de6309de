package org.baoxue.tasklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.baoxue.tasklist.FormSchema.Field;
import org.baoxue.tasklist.FormSchema.Option;
import org.baoxue.tasklist.FormSchema.Rules;

/**
 * Checks a submission against its form schema on the server — the same rules the page shows — and turns it into
 * process variables: text, date (ISO {@code yyyy-MM-dd}), select and radio as strings, number as Long (whole)
 * or Double, checkbox as Boolean, checklist as a comma-separated String (the engine here has no JSON data
 * format). Fields hidden by their condition (or their group's) are neither checked nor submitted, as in form-js.
 */
final class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");

    /** An error on one field: a message key of the tasklist bundle and its arguments. */
    record FieldError(String messageKey, Object... args) {
    }

    /**
     * The outcome: {@code values} typed for conditions and redisplay, {@code raw} as submitted, the variables to
     * complete the task with, the errors by field key, and the keys of the hidden fields.
     */
    record Submission(Map<String, Object> values, Map<String, Object> raw, Map<String, Object> variables,
                      Map<String, FieldError> errors, Set<String> hidden) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private FormValidator() {
    }

    /** The options of a select, radio or checklist: static, or from a variable named by valuesKey ("a,b,c"). */
    static List<Option> options(Field field, Map<String, Object> taskVariables) {
        if (field.valuesKey() == null) {
            return field.options();
        }
        Object v = taskVariables.get(field.valuesKey());
        if (v == null) {
            return List.of();
        }
        List<Option> out = new ArrayList<>();
        for (String s : v.toString().split(",")) {
            if (!s.isBlank()) {
                out.add(new Option(s.trim(), s.trim()));
            }
        }
        return out;
    }

    /**
     * Validates a submission. {@code submitted}: field key → String, Boolean, Number, or a Collection of Strings
     * (checklist); a form post gives Strings and lists, the JSON API may give any of them.
     */
    static Submission validate(FormSchema form, Map<String, ?> submitted, Map<String, Object> taskVariables) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> raw = new HashMap<>();
        Map<String, FieldError> typeErrors = new LinkedHashMap<>();
        for (Field f : form.inputs()) {
            Object in = submitted.get(f.key());
            raw.put(f.key(), in);
            try {
                values.put(f.key(), typed(f, in, options(f, taskVariables)));
            } catch (BadValue e) {
                typeErrors.put(f.key(), e.error);
            }
        }
        Set<String> hidden = new HashSet<>();
        markHidden(form.components(), values, false, hidden);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Field f : form.inputs()) {
            if (hidden.contains(f.key()) || f.readonly()) {
                continue;
            }
            FieldError error = typeErrors.containsKey(f.key()) ? typeErrors.get(f.key()) : check(f, values.get(f.key()));
            if (error != null) {
                errors.put(f.key(), error);
            } else {
                variables.put(f.key(), variable(f, values.get(f.key())));
            }
        }
        return new Submission(values, raw, variables, errors, hidden);
    }

    /** Which fields are hidden for these values (their own condition or an enclosing group's). */
    static Set<String> hidden(FormSchema form, Map<String, Object> values) {
        Set<String> hidden = new HashSet<>();
        markHidden(form.components(), values, false, hidden);
        return hidden;
    }

    private static void markHidden(List<Field> fields, Map<String, Object> values, boolean parentHidden, Set<String> out) {
        for (Field f : fields) {
            boolean hidden = parentHidden || (f.hide() != null && f.hide().test(values));
            if (hidden) {
                out.add(f.key() != null ? f.key() : f.htmlId());
            }
            markHidden(f.components(), values, hidden, out);
        }
    }

    private static final class BadValue extends Exception {
        final FieldError error;

        BadValue(String key, Object... args) {
            super(key, null, false, false);
            this.error = new FieldError(key, args);
        }
    }

    private static String text(Object in) {
        if (in == null) {
            return null;
        }
        if (in instanceof Collection<?> c) {
            return c.isEmpty() ? null : text(c.iterator().next());
        }
        String s = in.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static Object typed(Field f, Object in, List<Option> options) throws BadValue {
        switch (f.type()) {
            case "checkbox": {
                if (in instanceof Boolean b) {
                    return b;
                }
                String s = text(in);
                return s != null && (s.equals("true") || s.equals("on"));
            }
            case "checklist": {
                List<String> chosen = new ArrayList<>();
                if (in instanceof Collection<?> c) {
                    c.forEach(x -> chosen.add(String.valueOf(x)));
                } else if (text(in) != null) {
                    chosen.add(text(in));
                }
                for (String s : chosen) {
                    if (options.stream().noneMatch(o -> o.value().equals(s))) {
                        throw new BadValue("tasklist.form.error.option");
                    }
                }
                return List.copyOf(new java.util.LinkedHashSet<>(chosen));
            }
            case "number": {
                if (in instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                String s = text(in);
                if (s == null) {
                    return null;
                }
                try {
                    BigDecimal d = new BigDecimal(s);
                    if (f.decimalDigits() != null && Math.max(0, d.stripTrailingZeros().scale()) > f.decimalDigits()) {
                        throw new BadValue("tasklist.form.error.decimalDigits", f.decimalDigits());
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new BadValue("tasklist.form.error.number");
                }
            }
            case "datetime": {
                String s = text(in);
                if (s == null) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
                } catch (DateTimeParseException e) {
                    throw new BadValue("tasklist.form.error.date");
                }
            }
            case "select":
            case "radio": {
                String s = text(in);
                if (s != null && options.stream().noneMatch(o -> o.value().equals(s))) {
                    throw new BadValue("tasklist.form.error.option");
                }
                return s;
            }
            default: {
                if (in == null) {
                    return null;
                }
                String s = in instanceof Collection<?> ? text(in) : in.toString();
                return s == null || s.isBlank() ? null : s;
            }
        }
    }

    private static FieldError check(Field f, Object value) {
        Rules r = f.rules();
        boolean empty = value == null || (value instanceof Collection<?> c && c.isEmpty())
                || (f.type().equals("checkbox") && !Boolean.TRUE.equals(value));
        if (empty) {
            return r.required() ? new FieldError(f.type().equals("checkbox") ? "tasklist.form.error.mustCheck"
                    : "tasklist.form.error.required") : null;
        }
        if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (r.minLength() != null && length < r.minLength()) {
                return new FieldError("tasklist.form.error.minLength", r.minLength());
            }
            if (r.maxLength() != null && length > r.maxLength()) {
                return new FieldError("tasklist.form.error.maxLength", r.maxLength());
            }
            if (r.pattern() != null && !r.pattern().matcher(s).matches()) {
                return new FieldError("tasklist.form.error.pattern");
            }
            if ("email".equals(r.validationType()) && !EMAIL.matcher(s).matches()) {
                return new FieldError("tasklist.form.error.email");
            }
            if ("phone".equals(r.validationType()) && !PHONE.matcher(s).matches()) {
                return new FieldError("tasklist.form.error.phone");
            }
        }
        if (value instanceof BigDecimal d) {
            if (r.min() != null && d.compareTo(r.min()) < 0) {
                return new FieldError("tasklist.form.error.min", r.min().toPlainString());
            }
            if (r.max() != null && d.compareTo(r.max()) > 0) {
                return new FieldError("tasklist.form.error.max", r.max().toPlainString());
            }
        }
        if (value instanceof List<?> list) {
            if (r.minLength() != null && list.size() < r.minLength()) {
                return new FieldError("tasklist.form.error.minChosen", r.minLength());
            }
            if (r.maxLength() != null && list.size() > r.maxLength()) {
                return new FieldError("tasklist.form.error.maxChosen", r.maxLength());
            }
        }
        return null;
    }

    private static Object variable(Field f, Object value) {
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return s.longValueExact();
            }
            return d.doubleValue();
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (f.type().equals("checkbox")) {
            return Boolean.TRUE.equals(value);
        }
        return value;
    }
}
