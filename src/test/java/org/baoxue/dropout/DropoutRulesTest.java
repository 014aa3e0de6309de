package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Jurisdiction, validation, concurrent completion, and the letter. */
@BaoxueTest
class DropoutRulesTest extends DropoutTestSupport {

    @Autowired CaseStore store;
    @Autowired OrderLetters letters;

    @Test
    void aTownshipOfficialOfAnotherTownshipCannotSeeOrCompleteTheTask() {
        ProcessInstance pi = open(laohuPupil("张管辖"));
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        complete(pi, "ut_joint_visit", "leader", visit("NOT_RETURNED"));
        complete(pi, "ut_written_report", "leader", report());
        String taskId = task(pi, "ut_notify_guardian").getId();

        assertThat(cases.tasksFor(user("township"))).anyMatch(t -> t.taskId().equals(taskId));
        assertThat(cases.tasksFor(user("township2"))).noneMatch(t -> t.taskId().equals(taskId));
        assertThat(cases.visibleTask(taskId, user("township2"))).isEmpty();
        assertThatThrownBy(() -> cases.complete(taskId, notify("RETURNED"), user("township2")))
                .isInstanceOf(DropoutException.class).extracting("kind").isEqualTo(DropoutException.Kind.NOT_FOUND);
        assertThat(cases.view(pi.getBusinessKey(), user("township2"))).isEmpty();
        assertThat(cases.view(pi.getBusinessKey(), user("teacher3"))).isEmpty();
        assertThat(cases.view(pi.getBusinessKey(), user("township"))).isPresent();
        assertThat(task(pi, "ut_notify_guardian")).isNotNull();
    }

    @Test
    void badInputGetsFieldErrorsAndChangesNothing() {
        ProcessInstance pi = open(laohuPupil("张校验"));
        String taskId = task(pi, "ut_home_visit").getId();
        Map<String, Object> bad = visit("MAYBE");
        bad.remove("visitors");
        bad.put("visitDate", LocalDate.now().plusDays(3).toString());
        assertThatThrownBy(() -> cases.complete(taskId, bad, user("teacher")))
                .isInstanceOfSatisfying(DropoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DropoutException.Kind.INVALID);
                    assertThat(e.fieldErrors()).containsOnlyKeys("visitors", "outcome", "visitDate");
                    assertThat(e.fieldErrors().get("visitors").messageKey()).isEqualTo("dropout.validation.required");
                    assertThat(e.fieldErrors().get("visitDate").messageKey()).isEqualTo("dropout.validation.future");
                    assertThat(e.fieldErrors().get("outcome").messageKey()).isEqualTo("dropout.validation.choice");
                });
        assertThat(task(pi, "ut_home_visit").getId()).isEqualTo(taskId);
        assertThat(store.visits(caseOf(pi).id())).isEmpty();
    }

    @Test
    void theSecondOfficialToCompleteTheSameTaskIsToldItIsGone() {
        ProcessInstance pi = open(laohuPupil("张并发"));
        String taskId = task(pi, "ut_home_visit").getId();
        cases.complete(taskId, visit("NOT_RETURNED"), user("teacher"));
        assertThatThrownBy(() -> cases.complete(taskId, visit("RETURNED"), user("teacher")))
                .isInstanceOf(DropoutException.class).extracting("kind").isEqualTo(DropoutException.Kind.CONFLICT);
        assertThat(store.visits(caseOf(pi).id())).hasSize(1);
    }

    @Test
    void theOrderToCorrectIsAChinesePdfWithThePupilAndTheDeadline() throws Exception {
        ProcessInstance pi = open(laohuPupil("张信函"));
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        complete(pi, "ut_joint_visit", "leader", visit("NOT_RETURNED"));
        complete(pi, "ut_written_report", "leader", report());
        complete(pi, "ut_notify_guardian", "township", notify("NOT_RETURNED"));
        complete(pi, "ut_plan", "countyedu", plan());
        // issued on the eve of National Day: 7 working days run to 15 October 2026
        complete(pi, "ut_issue_order", "township", map("issuer", "TOWNSHIP", "issuedOn", "2026-09-30",
                "guardianName", "张大山", "guardianAddress", "东平县老湖镇前埠子村"));
        DropoutCase c = caseOf(pi);
        long letterId = store.letters(c.id()).get(0).id();

        byte[] pdf = letters.pdf(c.caseNumber(), letterId, user("township")).orElseThrow();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dropout-letter.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("责令限期改正通知书", "张信函", "张大山", "2026年10月15日", c.caseNumber(),
                    "老湖镇人民政府", "第五十八条");
        }
        assertThat(letters.pdf(c.caseNumber(), letterId, user("township2"))).isEmpty();
    }
}
