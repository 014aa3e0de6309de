package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of dropout-intervention.bpmn, with the real delegates and listeners, completed as the officials would. */
@BaoxueTest
class DropoutPathsTest extends DropoutTestSupport {

    @Test
    void returnedAfterTheFirstVisitIsFollowedUpAndClosed() {
        ProcessInstance pi = open(laohuPupil("张小明"));
        assertThat(pi).isWaitingAt("ut_home_visit");
        assertThat(pi).task().hasCandidateGroup("class-teacher:" + LAOHU_SCHOOL);
        assertThat(pi.getBusinessKey()).matches("KC-370923-\\d{4}-\\d{6}");

        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        assertThat(pi).hasPassed("st_returned").isWaitingAt("timer_fu1");
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.RETURNED);

        followUpAndClose(pi);
        assertThat(pi).isEnded().hasPassed("end_closed");
        DropoutCase c = caseOf(pi);
        assertThat(c.status()).isEqualTo(DropoutCase.Status.CLOSED);
        assertThat(c.closeReason()).isEqualTo("RETURNED");
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).count()).isZero();
    }
}
