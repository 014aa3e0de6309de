package org.baoxue.tasklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baoxue.tasklist.FormSchema.Field;
import org.baoxue.tasklist.FormSchema.Option;
import org.springframework.context.MessageSource;

/**
 * What the form template needs: the schema, each field's current value (the task's variables or the field's
 * default at first, the submitted values after an error), its options, its error in the user's language, and
 * which fields are hidden by their condition.
 */
final class FormView {

    private final FormSchema schema;
    private final Map<String, Object> values;
    private final Map<String, String> errors;
    private final Map<String, List<Option>> options;
    private final Set<String> hidden;
    private final boolean readonly;

    private FormView(FormSchema schema, Map<String, Object> values, Map<String, String> errors,
                     Map<String, List<Option>> options, Set<String> hidden, boolean readonly) {
        this.schema = schema;
        this.values = values;
        this.errors = errors;
        this.options = options;
        this.hidden = hidden;
        this.readonly = readonly;
    }

    /** A fresh form: values from the task's variables, else the fields' defaults. */
    static FormView initial(FormSchema schema, Map<String, Object> variables, boolean readonly) {
        Map<String, Object> typed = new HashMap<>();
        Map<String, List<Option>> options = new HashMap<>();
        for (Field f : schema.inputs()) {
            Object v = variables.containsKey(f.key()) ? variables.get(f.key()) : f.defaultValue();
            typed.put(f.key(), normalise(f, v));
            options.put(f.key(), FormValidator.options(f, variables));
        }
        Map<String, Object> forConditions = new HashMap<>();
        typed.forEach((k, v) -> forConditions.put(k, v instanceof String s && s.isEmpty() ? null : v));
        return new FormView(schema, typed, Map.of(), options, FormValidator.hidden(schema, conditionValues(schema, forConditions)), readonly);
    }

    /** The form again after a refused submission: what the user typed, and the errors. */
    static FormView afterErrors(FormSchema schema, FormValidator.Submission submission, Map<String, Object> variables,
                                MessageSource messages, Locale locale) {
        Map<String, Object> shown = new HashMap<>();
        Map<String, List<Option>> options = new HashMap<>();
        for (Field f : schema.inputs()) {
            shown.put(f.key(), normalise(f, submission.raw().get(f.key())));
            options.put(f.key(), FormValidator.options(f, variables));
        }
        Map<String, String> errors = new HashMap<>();
        submission.errors().forEach((key, e) -> errors.put(key, messages.getMessage(e.messageKey(), e.args(), locale)));
        return new FormView(schema, shown, errors, options, submission.hidden(), false);
    }

    private static Map<String, Object> conditionValues(FormSchema schema, Map<String, Object> typed) {
        Map<String, Object> out = new HashMap<>(typed);
        for (Field f : schema.inputs()) {
            if (f.type().equals("number") && out.get(f.key()) instanceof String s && !s.isBlank()) {
                try {
                    out.put(f.key(), new java.math.BigDecimal(s.trim()));
                } catch (NumberFormatException e) {
                    out.put(f.key(), null);
                }
            }
        }
        return out;
    }

    private static Object normalise(Field f, Object v) {
        switch (f.type()) {
            case "checkbox": {
                Object first = v instanceof Collection<?> c ? (c.isEmpty() ? null : c.iterator().next()) : v;
                return first instanceof Boolean b ? b : first != null && (first.toString().equals("true") || first.toString().equals("on"));
            }
            case "checklist": {
                List<String> list = new ArrayList<>();
                if (v instanceof Collection<?> c) {
                    c.forEach(x -> list.add(String.valueOf(x)));
                } else if (v != null && !v.toString().isBlank()) {
                    list.addAll(Arrays.stream(v.toString().split(",")).map(String::trim).toList());
                }
                return list;
            }
            default:
                if (v == null) {
                    return "";
                }
                if (v instanceof Collection<?> c) {
                    return c.isEmpty() ? "" : String.valueOf(c.iterator().next());
                }
                if (v instanceof java.math.BigDecimal d) {
                    return d.toPlainString();
                }
                if (v instanceof java.util.Date d) {
                    return new java.sql.Date(d.getTime()).toLocalDate().toString();
                }
                return v.toString();
        }
    }

    public FormSchema schema() {
        return schema;
    }

    public List<Field> components() {
        return schema.components();
    }

    public String value(Field f) {
        Object v = values.get(f.key());
        return v == null ? "" : v.toString();
    }

    public boolean checked(Field f) {
        return Boolean.TRUE.equals(values.get(f.key()));
    }

    public boolean chosen(Field f, String option) {
        Object v = values.get(f.key());
        if (v instanceof Collection<?> c) {
            return c.contains(option);
        }
        return v != null && v.toString().equals(option);
    }

    public List<Option> options(Field f) {
        return options.getOrDefault(f.key(), List.of());
    }

    public String error(Field f) {
        return f.key() == null ? null : errors.get(f.key());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hidden(Field f) {
        return hidden.contains(f.key() != null ? f.key() : f.htmlId());
    }

    public boolean readonly(Field f) {
        return readonly || f.readonly();
    }

    public boolean readonly() {
        return readonly;
    }
}
