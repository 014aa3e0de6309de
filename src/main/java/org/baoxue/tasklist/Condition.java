package org.baoxue.tasklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of FEEL that form conditions need, e.g. {@code =reason = "illness" and days > 3}, {@code =not(agreed)}:
 * comparisons of a field with a literal ({@code = != < <= > >=}), a bare boolean field, {@code not(field)},
 * joined by {@code and} / {@code or} (no parentheses). Kept as an OR of ANDs, which the page's script evaluates
 * from {@link #toJson()} with the same rules. Anything else is refused when the form is deployed.
 */
final class Condition {

    record Clause(String field, String op, Object literal) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<List<Clause>> anyOf;

    private Condition(List<List<Clause>> anyOf) {
        this.anyOf = anyOf;
    }

    List<List<Clause>> anyOf() {
        return anyOf;
    }

    static Condition parse(String where, String expression) {
        String e = expression == null ? "" : expression.trim();
        if (!e.startsWith("=")) {
            throw new FormSchema.FormSchemaException(where + ": conditional.hide must be a FEEL expression starting with \"=\"");
        }
        List<String> tokens = tokens(where, e.substring(1));
        List<List<Clause>> or = new ArrayList<>();
        List<Clause> and = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Clause clause;
            String t = tokens.get(i);
            if (t.equals("not(") && i + 2 < tokens.size() && isName(tokens.get(i + 1)) && tokens.get(i + 2).equals(")")) {
                clause = new Clause(tokens.get(i + 1), "falsy", null);
                i += 3;
            } else if (isName(t) && i + 2 < tokens.size() && isOp(tokens.get(i + 1))) {
                clause = new Clause(t, tokens.get(i + 1), literal(where, tokens.get(i + 2)));
                i += 3;
            } else if (isName(t)) {
                clause = new Clause(t, "truthy", null);
                i += 1;
            } else {
                throw unsupported(where, expression);
            }
            and.add(clause);
            if (i < tokens.size()) {
                String joiner = tokens.get(i++);
                if (joiner.equals("or")) {
                    or.add(List.copyOf(and));
                    and = new ArrayList<>();
                } else if (!joiner.equals("and") || i >= tokens.size()) {
                    throw unsupported(where, expression);
                }
            }
        }
        if (and.isEmpty()) {
            throw unsupported(where, expression);
        }
        or.add(List.copyOf(and));
        return new Condition(List.copyOf(or));
    }

    private static FormSchema.FormSchemaException unsupported(String where, String expression) {
        return new FormSchema.FormSchemaException(where + ": the condition \"" + expression
                + "\" is not supported (use field = \"value\", field != value, field > 3, field, not(field), joined by and/or)");
    }

    private static boolean isName(String t) {
        return t.matches("[A-Za-z_][A-Za-z0-9_]*") && !t.equals("and") && !t.equals("or") && !t.equals("true")
                && !t.equals("false") && !t.equals("null");
    }

    private static boolean isOp(String t) {
        return t.equals("=") || t.equals("!=") || t.equals("<") || t.equals("<=") || t.equals(">") || t.equals(">=");
    }

    private static Object literal(String where, String t) {
        if (t.startsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.equals("null")) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new FormSchema.FormSchemaException(where + ": \"" + t + "\" is not a literal (a \"string\", a number, true, false or null)");
        }
    }

    private static List<String> tokens(String where, String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new FormSchema.FormSchemaException(where + ": unterminated string in condition");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (s.startsWith("not(", i)) {
                out.add("not(");
                i += 4;
            } else if (c == ')') {
                out.add(")");
                i++;
            } else if (s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if (c == '=' || c == '<' || c == '>') {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.' || (s.charAt(i) == '-' && i == start))) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else {
                throw new FormSchema.FormSchemaException(where + ": unexpected \"" + c + "\" in condition (not supported: only field comparisons joined by and/or)");
            }
        }
        return out;
    }

    /** Whether the condition holds for these values (key → String, BigDecimal, Boolean, List or null). */
    boolean test(Map<String, Object> values) {
        for (List<Clause> all : anyOf) {
            if (all.stream().allMatch(c -> holds(c, values.get(c.field())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Clause c, Object value) {
        switch (c.op()) {
            case "truthy":
                return Boolean.TRUE.equals(value);
            case "falsy":
                return !Boolean.TRUE.equals(value);
            default:
                break;
        }
        Object lit = c.literal();
        if (c.op().equals("=") || c.op().equals("!=")) {
            boolean equal = equal(value, lit);
            return c.op().equals("=") == equal;
        }
        BigDecimal a = number(value);
        BigDecimal b = number(lit);
        if (a == null || b == null) {
            return false;
        }
        int cmp = a.compareTo(b);
        return switch (c.op()) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static boolean equal(Object value, Object lit) {
        if (value == null || lit == null) {
            return value == null && lit == null;
        }
        if (lit instanceof BigDecimal) {
            BigDecimal v = number(value);
            return v != null && v.compareTo((BigDecimal) lit) == 0;
        }
        return lit.toString().equals(value.toString());
    }

    private static BigDecimal number(Object o) {
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    String toJson() {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (List<Clause> all : anyOf) {
            List<Map<String, Object>> group = new ArrayList<>();
            for (Clause c : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("f", c.field());
                m.put("op", c.op());
                m.put("v", c.literal() instanceof BigDecimal b ? b.toPlainString() : c.literal());
                m.put("num", c.literal() instanceof BigDecimal);
                group.add(m);
            }
            out.add(group);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
