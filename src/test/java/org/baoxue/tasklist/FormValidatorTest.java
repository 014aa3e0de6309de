package org.baoxue.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every form component and validation rule the server renders and checks, without the engine. */
class FormValidatorTest {

    static FormSchema register() throws IOException {
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/tasklist/tl-test-register.form")) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("contactName", List.of("王芳"));
        m.put("contactPhone", List.of("13800000000"));
        m.put("absentDays", List.of("12"));
        m.put("absentSince", List.of("2026-11-02"));
        m.put("reason", List.of("poverty"));
        m.put("visitPlanned", List.of("yes"));
        m.put("hardships", List.of("dibao", "left-behind"));
        m.put("notes", List.of("父母外出务工"));
        m.put("confirmed", List.of("true"));
        return m;
    }

    private static FormValidator.Submission check(Map<String, Object> submitted) throws IOException {
        return FormValidator.validate(register(), submitted, Map.of());
    }

    private static String errorOf(String key, Object value) throws IOException {
        Map<String, Object> m = valid();
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        FormValidator.FieldError e = check(m).errors().get(key);
        return e == null ? null : e.messageKey() + (e.args().length > 0 ? ":" + e.args()[0] : "");
    }

    @Test
    void parsesEveryComponentTypeIncludingGroupChildren() throws IOException {
        FormSchema form = register();
        assertThat(form.id()).isEqualTo("tl-test-register");
        assertThat(form.components()).extracting(FormSchema.Field::type)
                .containsExactly("text", "textfield", "textfield", "number", "datetime", "select", "textfield", "radio",
                        "group", "checkbox");
        assertThat(form.inputs()).extracting(FormSchema.Field::key)
                .containsExactly("contactName", "contactPhone", "absentDays", "absentSince", "reason", "otherReason",
                        "visitPlanned", "hardships", "notes", "confirmed");
        assertThat(form.inputs().get(3).label()).isEqualTo("开始缺课日期");
    }

    @Test
    void validSubmissionBecomesTypedVariables() throws IOException {
        FormValidator.Submission s = check(valid());
        assertThat(s.errors()).isEmpty();
        assertThat(s.variables())
                .containsEntry("contactName", "王芳")
                .containsEntry("absentDays", 12L)
                .containsEntry("absentSince", "2026-11-02")
                .containsEntry("reason", "poverty")
                .containsEntry("visitPlanned", "yes")
                .containsEntry("hardships", "dibao,left-behind")
                .containsEntry("notes", "父母外出务工")
                .containsEntry("confirmed", true)
                .doesNotContainKey("otherReason"); // hidden by its condition: not submitted
    }

    @Test
    void textfieldRequiredMinLengthMaxLengthPattern() throws IOException {
        assertThat(errorOf("contactName", null)).isEqualTo("tasklist.form.error.required");
        assertThat(errorOf("contactName", List.of("  "))).isEqualTo("tasklist.form.error.required");
        assertThat(errorOf("contactName", List.of("王"))).isEqualTo("tasklist.form.error.minLength:2");
        assertThat(errorOf("contactName", List.of("王".repeat(11)))).isEqualTo("tasklist.form.error.maxLength:10");
        assertThat(errorOf("contactPhone", List.of("1380000"))).isEqualTo("tasklist.form.error.pattern");
        assertThat(errorOf("contactPhone", List.of("x13800000000"))).isEqualTo("tasklist.form.error.pattern");
        assertThat(errorOf("contactPhone", null)).isNull(); // not required
    }

    @Test
    void numberTypeMinMax() throws IOException {
        assertThat(errorOf("absentDays", List.of("abc"))).isEqualTo("tasklist.form.error.number");
        assertThat(errorOf("absentDays", List.of("0"))).isEqualTo("tasklist.form.error.min:1");
        assertThat(errorOf("absentDays", List.of("61"))).isEqualTo("tasklist.form.error.max:60");
        assertThat(errorOf("absentDays", List.of("60"))).isNull();
        assertThat(errorOf("absentDays", null)).isEqualTo("tasklist.form.error.required");
        Map<String, Object> m = valid();
        m.put("absentDays", List.of("2.5"));
        assertThat(check(m).variables()).containsEntry("absentDays", 2.5d);
    }

    @Test
    void emptyInputsFromABrowserAreEmptyNotInvalid() throws IOException {
        Map<String, Object> m = valid();
        m.put("absentSince", List.of(""));
        m.put("contactPhone", List.of(""));
        m.put("visitPlanned", List.of(""));
        assertThat(check(m).errors()).isEmpty();
        m.put("absentDays", List.of(" "));
        assertThat(check(m).errors()).containsOnlyKeys("absentDays");
        assertThat(check(m).errors().get("absentDays").messageKey()).isEqualTo("tasklist.form.error.required");
    }

    @Test
    void aRefusedFormShowsWhatTheUserEnteredIncludingTickedBoxes() throws IOException {
        Map<String, Object> m = valid();
        m.put("absentDays", List.of("99"));
        FormValidator.Submission s = check(m);
        org.springframework.context.support.StaticMessageSource messages = new org.springframework.context.support.StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        FormView view = FormView.afterErrors(register(), s, Map.of(), messages, java.util.Locale.SIMPLIFIED_CHINESE);
        FormSchema.Field confirmed = register().inputs().stream().filter(f -> f.key().equals("confirmed")).findFirst().orElseThrow();
        FormSchema.Field hardships = register().inputs().stream().filter(f -> f.key().equals("hardships")).findFirst().orElseThrow();
        FormSchema.Field days = register().inputs().stream().filter(f -> f.key().equals("absentDays")).findFirst().orElseThrow();
        assertThat(view.checked(confirmed)).isTrue();
        assertThat(view.chosen(hardships, "dibao")).isTrue();
        assertThat(view.chosen(hardships, "registered-poor")).isFalse();
        assertThat(view.value(days)).isEqualTo("99");
        assertThat(view.error(days)).isEqualTo("tasklist.form.error.max");
    }

    @Test
    void dateMustBeARealDate() throws IOException {
        assertThat(errorOf("absentSince", List.of("2026-02-30"))).isEqualTo("tasklist.form.error.date");
        assertThat(errorOf("absentSince", List.of("yesterday"))).isEqualTo("tasklist.form.error.date");
        assertThat(errorOf("absentSince", null)).isNull();
    }

    @Test
    void selectRadioChecklistAcceptOnlyTheirOptions() throws IOException {
        assertThat(errorOf("reason", List.of("bribery"))).isEqualTo("tasklist.form.error.option");
        assertThat(errorOf("reason", null)).isEqualTo("tasklist.form.error.required");
        assertThat(errorOf("visitPlanned", List.of("maybe"))).isEqualTo("tasklist.form.error.option");
        assertThat(errorOf("hardships", List.of("dibao", "rich"))).isEqualTo("tasklist.form.error.option");
        assertThat(errorOf("hardships", List.of())).isNull();
    }

    @Test
    void textareaMaxLengthInsideAGroup() throws IOException {
        assertThat(errorOf("notes", List.of("字".repeat(201)))).isEqualTo("tasklist.form.error.maxLength:200");
    }

    @Test
    void requiredCheckboxMustBeTicked() throws IOException {
        assertThat(errorOf("confirmed", null)).isEqualTo("tasklist.form.error.mustCheck");
        Map<String, Object> m = valid();
        m.put("visitPlanned", List.of("no"));
        assertThat(check(m).variables()).containsEntry("confirmed", true);
    }

    @Test
    void conditionalFieldIsCheckedOnlyWhenShown() throws IOException {
        Map<String, Object> m = valid();
        m.put("reason", List.of("other"));
        FormValidator.Submission s = check(m);
        assertThat(s.errors()).containsOnlyKeys("otherReason");
        assertThat(s.errors().get("otherReason").messageKey()).isEqualTo("tasklist.form.error.required");
        m.put("otherReason", List.of("随父母迁居"));
        assertThat(check(m).variables()).containsEntry("otherReason", "随父母迁居");
        // a value for a hidden field is dropped, not stored
        m.put("reason", List.of("illness"));
        assertThat(check(m).variables()).doesNotContainKey("otherReason");
    }

    @Test
    void jsonValuesAreAcceptedToo() throws IOException {
        Map<String, Object> m = new HashMap<>();
        m.put("contactName", "王芳");
        m.put("absentDays", 5);
        m.put("reason", "illness");
        m.put("hardships", List.of("dibao"));
        m.put("confirmed", true);
        FormValidator.Submission s = check(m);
        assertThat(s.errors()).isEmpty();
        assertThat(s.variables()).containsEntry("absentDays", 5L).containsEntry("confirmed", true)
                .containsEntry("hardships", "dibao");
    }

    @Test
    void conditionsParseAndEvaluateLikeFeel() {
        Condition c = Condition.parse("t", "=reason = \"other\" and days > 3 or not(agreed)");
        assertThat(c.test(Map.of("reason", "other", "days", new java.math.BigDecimal("4"), "agreed", true))).isTrue();
        assertThat(c.test(Map.of("reason", "other", "days", new java.math.BigDecimal("3"), "agreed", true))).isFalse();
        assertThat(c.test(Map.of("agreed", false))).isTrue();
        assertThat(Condition.parse("t", "=flag").test(Map.of("flag", true))).isTrue();
        assertThat(Condition.parse("t", "=x != null").test(new HashMap<>())).isFalse();
        assertThat(c.toJson()).contains("\"op\":\">\"");
        assertThatThrownBy(() -> Condition.parse("t", "=count(items) > 2")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> Condition.parse("t", "reason = 1")).hasMessageContaining("FEEL");
    }

    @Test
    void unknownComponentsAndBadRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"filepicker\",\"key\":\"f\"}]}"))
                .hasMessageContaining("unsupported component type \"filepicker\"");
        assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\","
                + "\"validate\":{\"pattern\":\"[\"}}]}")).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\"},"
                + "{\"type\":\"number\",\"key\":\"a\"}]}")).hasMessageContaining("used twice");
        assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"datetime\",\"key\":\"a\","
                + "\"subtype\":\"datetime\"}]}")).hasMessageContaining("subtype");
        assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"select\",\"key\":\"a\"}]}"))
                .hasMessageContaining("needs \"values\"");
        assertThatThrownBy(() -> FormSchema.parse("not json")).hasMessageContaining("not valid JSON");
        // a submit button that Camunda Modeler adds is accepted (the task page has its own)
        assertThat(FormSchema.parse("{\"id\":\"x\",\"components\":[{\"type\":\"button\",\"action\":\"submit\"}]}")
                .inputs()).isEmpty();
    }

    @Test
    void attachmentsAreRecognisedByTheirContent() {
        assertThat(Attachments.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(Attachments.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(Attachments.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(Attachments.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(Attachments.clean("..\\..\\evil.exe", "application/pdf")).isEqualTo("evil.exe.pdf");
        assertThat(Attachments.clean("照片.JPG", "image/jpeg")).isEqualTo("照片.JPG");
    }
}
