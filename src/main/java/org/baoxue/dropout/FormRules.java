package org.baoxue.dropout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Validates submitted values against the very Camunda Form the task names ({@code forms/<formRef>.form}): the
 * same {@code required}, {@code maxLength}, {@code min}/{@code max}, {@code pattern} and allowed values that the task
 * list enforces, so the JSON API and the forms refuse the same input. On top: a date of something that happened
 * may not lie in the future.
 */
@Component
class FormRules {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Dates of deadlines, which lie ahead; every other date field records something that happened. */
    private static final Set<String> FUTURE_DATES = Set.of("returnDeadline", "deferUntil");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Field>> forms = new ConcurrentHashMap<>();

    record Field(String key, String type, String label, boolean required, Integer maxLength, Double min, Double max,
                 String pattern, List<String> values) {
    }

    List<Field> fields(String formId) {
        return forms.computeIfAbsent(formId, this::load);
    }

    /** The errors by field, as message keys with arguments; empty when the values are acceptable. */
    Map<String, DropoutException.FieldError> validate(String formId, Map<String, Object> values) {
        Map<String, DropoutException.FieldError> errors = new LinkedHashMap<>();
        for (Field f : fields(formId)) {
            Object v = values.get(f.key());
            boolean blank = v == null || (v instanceof String s && s.isBlank());
            if (blank) {
                if (f.required() && !"checkbox".equals(f.type())) {
                    errors.put(f.key(), error("dropout.validation.required", f.label()));
                }
                continue;
            }
            switch (f.type()) {
                case "datetime" -> {
                    LocalDate d = date(v);
                    if (d == null) {
                        errors.put(f.key(), error("dropout.validation.date", f.label()));
                    } else if (!FUTURE_DATES.contains(f.key()) && d.isAfter(LocalDate.now(ZONE))) {
                        errors.put(f.key(), error("dropout.validation.future", f.label()));
                    }
                }
                case "radio", "select" -> {
                    if (!f.values().contains(String.valueOf(v))) {
                        errors.put(f.key(), error("dropout.validation.choice", f.label()));
                    }
                }
                case "checkbox" -> {
                    if (!(v instanceof Boolean) && !"true".equals(String.valueOf(v)) && !"false".equals(String.valueOf(v))) {
                        errors.put(f.key(), error("dropout.validation.choice", f.label()));
                    }
                }
                case "number" -> {
                    Double d = number(v);
                    if (d == null || (f.min() != null && d < f.min()) || (f.max() != null && d > f.max())) {
                        errors.put(f.key(), error("dropout.validation.number", f.label()));
                    }
                }
                default -> {
                    String s = String.valueOf(v);
                    if (f.maxLength() != null && s.length() > f.maxLength()) {
                        errors.put(f.key(), error("dropout.validation.too-long", f.label(), f.maxLength()));
                    } else if (f.pattern() != null && !s.matches(f.pattern())) {
                        errors.put(f.key(), error("dropout.validation.pattern", f.label()));
                    }
                }
            }
        }
        return errors;
    }

    /** A form's date value: "2026-10-09" from a form or the API, or a date object. */
    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZONE).toLocalDate();
        }
        if (v instanceof String s && !s.isBlank()) {
            String t = s.trim();
            try {
                return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(String.valueOf(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static DropoutException.FieldError error(String key, Object... args) {
        return new DropoutException.FieldError(key, List.of(args));
    }

    private List<Field> load(String formId) {
        if (!formId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("form id");
        }
        try (InputStream in = FormRules.class.getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
            if (in == null) {
                throw new IllegalStateException("form not found: " + formId);
            }
            List<Field> fields = new ArrayList<>();
            collect(json.readTree(in).path("components"), fields);
            return List.copyOf(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode components, List<Field> into) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), into);
            }
            if (!c.hasNonNull("key")) {
                continue;
            }
            JsonNode v = c.path("validate");
            List<String> values = new ArrayList<>();
            c.path("values").forEach(o -> values.add(o.path("value").asText()));
            String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(c.get("key").asText());
            into.add(new Field(c.get("key").asText(), c.path("type").asText(), label, v.path("required").asBoolean(false),
                    v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
                    v.hasNonNull("min") ? v.get("min").asDouble() : null, v.hasNonNull("max") ? v.get("max").asDouble() : null,
                    v.hasNonNull("pattern") ? v.get("pattern").asText() : null, values));
        }
    }

    Map<String, Object> onlyFormFields(String formId, Map<String, Object> values) {
        Map<String, Object> kept = new HashMap<>();
        for (Field f : fields(formId)) {
            if (values.containsKey(f.key())) {
                kept.put(f.key(), values.get(f.key()));
            }
        }
        return kept;
    }
}
