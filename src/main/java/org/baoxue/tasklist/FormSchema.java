package org.baoxue.tasklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Forms (form-js) schema, as far as Baoxue renders it on the server: textfield, textarea, number,
 * datetime (date), select, radio, checkbox, checklist, text, group (plus the decorative separator and spacer),
 * with the {@code validate} rules required, min, max, minLength, maxLength, pattern, validationType (email, phone)
 * and {@code conditional.hide}. Component and property names follow the form-js schema documentation
 * (docs.camunda.io, "Form element library", schemaVersion 16). Anything else is refused when the form is parsed,
 * which the pre-deployer does at deployment, so a form that renders here renders the same everywhere.
 */
final class FormSchema {

    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
            "checkbox", "checklist");
    /** Layout without a value; a form-js "button" (submit/reset) is accepted and not drawn: the page has its own. */
    static final Set<String> LAYOUT_TYPES = Set.of("text", "group", "separator", "spacer", "button");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final List<Field> components;

    private FormSchema(String id, List<Field> components) {
        this.id = id;
        this.components = components;
    }

    String id() {
        return id;
    }

    List<Field> components() {
        return components;
    }

    /** Every input field, groups flattened, in document order. */
    List<Field> inputs() {
        List<Field> out = new ArrayList<>();
        collect(components, out);
        return out;
    }

    private static void collect(List<Field> fields, List<Field> out) {
        for (Field f : fields) {
            if (f.isInput()) {
                out.add(f);
            }
            collect(f.components(), out);
        }
    }

    /** One option of a select, radio or checklist. */
    record Option(String label, String value) {
    }

    /** The rules of a field's {@code validate} object. */
    record Rules(boolean required, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
                 Pattern pattern, String validationType) {
        static final Rules NONE = new Rules(false, null, null, null, null, null, null);
    }

    /**
     * One component. {@code hide} is the parsed {@code conditional.hide} expression (null when always shown);
     * {@code components} holds a group's children.
     */
    record Field(String type, String id, String key, String label, String description, String text, String subtype,
                 List<Option> options, String valuesKey, Rules rules, Condition hide, List<Field> components,
                 Object defaultValue, boolean readonly, Integer decimalDigits, boolean showOutline) {

        public boolean isInput() {
            return INPUT_TYPES.contains(type);
        }

        public boolean hasOption(String value) {
            return options.stream().anyMatch(o -> o.value().equals(value));
        }

        /** The field's id in the HTML page. */
        public String htmlId() {
            return "f-" + (key != null ? key : id);
        }

        /** The hide condition as JSON for the page's script (empty when always shown). */
        public String hideJson() {
            return hide == null ? "" : hide.toJson();
        }
    }

    /** Parses a form, or says in plain words what is wrong with it. */
    static FormSchema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new FormSchemaException("the form is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new FormSchemaException("the form is not a JSON object");
        }
        String id = root.path("id").asText("");
        if (id.isBlank()) {
            throw new FormSchemaException("the form has no \"id\"");
        }
        if (!"default".equals(root.path("type").asText("default"))) {
            throw new FormSchemaException("form \"" + id + "\": type must be \"default\"");
        }
        Set<String> keys = new HashSet<>();
        List<Field> components = parseComponents(id, root.path("components"), keys);
        return new FormSchema(id, components);
    }

    private static List<Field> parseComponents(String formId, JsonNode array, Set<String> keys) {
        List<Field> fields = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return fields;
        }
        if (!array.isArray()) {
            throw new FormSchemaException("form \"" + formId + "\": \"components\" must be an array");
        }
        for (JsonNode node : array) {
            fields.add(parseField(formId, node, keys));
        }
        return fields;
    }

    private static Field parseField(String formId, JsonNode node, Set<String> keys) {
        String type = node.path("type").asText("");
        String where = "form \"" + formId + "\", component " + (node.has("key") ? "\"" + node.path("key").asText() + "\""
                : node.has("id") ? "\"" + node.path("id").asText() + "\"" : "of type \"" + type + "\"");
        if (!INPUT_TYPES.contains(type) && !LAYOUT_TYPES.contains(type)) {
            throw new FormSchemaException(where + ": unsupported component type \"" + type
                    + "\" (supported: textfield, textarea, number, datetime, select, radio, checkbox, checklist, text, group, separator, spacer, button)");
        }
        String key = null;
        if (INPUT_TYPES.contains(type)) {
            key = node.path("key").asText("");
            if (!KEY.matcher(key).matches()) {
                throw new FormSchemaException(where + ": an input needs a \"key\" of letters, digits and _ (got \"" + key + "\")");
            }
            if (!keys.add(key)) {
                throw new FormSchemaException(where + ": the key \"" + key + "\" is used twice");
            }
        }
        String subtype = null;
        if (type.equals("datetime")) {
            subtype = node.path("subtype").asText("date");
            if (!subtype.equals("date")) {
                throw new FormSchemaException(where + ": only datetime subtype \"date\" is supported (got \"" + subtype + "\")");
            }
        }
        List<Option> options = new ArrayList<>();
        String valuesKey = null;
        if (type.equals("select") || type.equals("radio") || type.equals("checklist")) {
            if (node.has("valuesExpression")) {
                throw new FormSchemaException(where + ": \"valuesExpression\" is not supported; use \"values\" or \"valuesKey\"");
            }
            if (node.has("valuesKey")) {
                valuesKey = node.path("valuesKey").asText();
                if (!KEY.matcher(valuesKey).matches()) {
                    throw new FormSchemaException(where + ": bad \"valuesKey\" \"" + valuesKey + "\"");
                }
            } else {
                for (JsonNode v : node.path("values")) {
                    options.add(new Option(v.path("label").asText(v.path("value").asText()), v.path("value").asText()));
                }
                if (options.isEmpty()) {
                    throw new FormSchemaException(where + ": a " + type + " needs \"values\" or \"valuesKey\"");
                }
            }
        }
        Rules rules = parseRules(where, node.path("validate"));
        Condition hide = null;
        JsonNode conditional = node.path("conditional").path("hide");
        if (!conditional.isMissingNode() && !conditional.isNull()) {
            hide = Condition.parse(where, conditional.asText());
        }
        List<Field> children = type.equals("group") ? parseComponents(formId, node.path("components"), keys) : List.of();
        String text = node.has("text") ? node.path("text").asText() : null;
        Object defaultValue = null;
        JsonNode dv = node.path("defaultValue");
        if (dv.isBoolean()) {
            defaultValue = dv.asBoolean();
        } else if (dv.isNumber()) {
            defaultValue = dv.decimalValue();
        } else if (dv.isTextual()) {
            defaultValue = dv.asText();
        } else if (dv.isArray()) {
            List<String> values = new ArrayList<>();
            dv.forEach(v -> values.add(v.asText()));
            defaultValue = values;
        }
        Integer decimalDigits = node.has("decimalDigits") ? node.path("decimalDigits").asInt() : null;
        String label = node.has("label") ? node.path("label").asText()
                : type.equals("datetime") ? node.path("dateLabel").asText(null) : null;
        return new Field(type, node.path("id").asText(null), key, label, node.path("description").asText(null), text,
                subtype, List.copyOf(options), valuesKey, rules, hide, List.copyOf(children), defaultValue,
                node.path("readonly").asBoolean(false) || node.path("disabled").asBoolean(false), decimalDigits,
                node.path("showOutline").asBoolean(true));
    }

    private static Rules parseRules(String where, JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return Rules.NONE;
        }
        Pattern pattern = null;
        if (v.hasNonNull("pattern") && !v.path("pattern").asText().isEmpty()) {
            try {
                // form-js matches the whole value against the pattern
                pattern = Pattern.compile(v.path("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new FormSchemaException(where + ": the validation pattern is not a valid regular expression");
            }
        }
        String validationType = v.hasNonNull("validationType") ? v.path("validationType").asText() : null;
        if (validationType != null && !validationType.isEmpty() && !validationType.equals("email")
                && !validationType.equals("phone") && !validationType.equals("custom")) {
            throw new FormSchemaException(where + ": unsupported validationType \"" + validationType + "\"");
        }
        return new Rules(v.path("required").asBoolean(false), decimal(where, v, "min"), decimal(where, v, "max"),
                integer(where, v, "minLength"), integer(where, v, "maxLength"), pattern,
                validationType == null || validationType.isEmpty() || validationType.equals("custom") ? null : validationType);
    }

    private static BigDecimal decimal(String where, JsonNode v, String name) {
        if (!v.hasNonNull(name)) {
            return null;
        }
        if (!v.path(name).isNumber()) {
            throw new FormSchemaException(where + ": validate." + name + " must be a number");
        }
        return v.path(name).decimalValue();
    }

    private static Integer integer(String where, JsonNode v, String name) {
        if (!v.hasNonNull(name)) {
            return null;
        }
        if (!v.path(name).canConvertToInt()) {
            throw new FormSchemaException(where + ": validate." + name + " must be a whole number");
        }
        return v.path(name).asInt();
    }

    /** A form that Baoxue cannot render; the message names the form, the component and the reason. */
    static final class FormSchemaException extends RuntimeException {
        FormSchemaException(String message) {
            super(message);
        }
    }
}
