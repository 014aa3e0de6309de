package org.baoxue.dropout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.baoxue.BaoxueTest;
import org.baoxue.org.BaoxueUser;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cost of the dropout module over the bare engine, in one JVM (H2 in memory, one thread):
 * baseline = start a two-task process with the same due-date expression and complete its first task;
 * dropout = report a pupil (jurisdiction check, case number, case row, DMN deadlines, process start) and complete
 * the class teacher's visit through the service (candidate-group check, form validation, listener writes).
 * Run: {@code ./mvnw -o test -Dtest=DropoutBenchmark -Dsurefire.excludes=none}. Prints medians, p95 and the ratio.
 */
@BaoxueTest
class DropoutBenchmark extends DropoutTestSupport {

    static final int WARM_UP = 50;
    static final int RUNS = 300;

    @Autowired RepositoryService repository;

    @Test
    void reportAndFirstVisitComparedWithTheBareEngine() {
        BpmnModelInstance baseline = Bpmn.createExecutableProcess("bench-baseline").camundaHistoryTimeToLive(1)
                .startEvent().userTask("a").camundaCandidateGroups("class-teacher:${schoolCode}").camundaDueDate("${days} working days")
                .userTask("b").camundaCandidateGroups("class-teacher:${schoolCode}").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("bench-baseline.bpmn", baseline).deploy().getId();
        try {
            BaoxueUser teacher = user("teacher");
            List<Long> pupils = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                pupils.add(laohuPupil("张基准"));
            }
            List<Long> base = new ArrayList<>();
            List<Long> dropout = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long t0 = System.nanoTime();
                String pi = runtime.startProcessInstanceByKey("bench-baseline", "B-" + i,
                        map("schoolCode", LAOHU_SCHOOL, "villageCode", LAOHU_VILLAGE, "townshipCode", LAOHU, "countyCode", DONGPING, "days", 1)).getId();
                taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId(), map("outcome", "x"));
                long t1 = System.nanoTime();
                String number = cases.report(pupils.get(i), DropoutCases.Source.TEACHER, null, null, teacher).caseNumber();
                String task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
                cases.complete(task, visit("NOT_RETURNED"), teacher);
                long t2 = System.nanoTime();
                if (i >= WARM_UP) {
                    base.add(t1 - t0);
                    dropout.add(t2 - t1);
                }
            }
            double b = median(base), d = median(dropout);
            System.out.printf("BENCHMARK baseline start+complete: median %.2f ms, p95 %.2f ms%n", b / 1e6, p95(base) / 1e6);
            System.out.printf("BENCHMARK dropout report+visit:    median %.2f ms, p95 %.2f ms%n", d / 1e6, p95(dropout) / 1e6);
            System.out.printf("BENCHMARK ratio dropout/baseline (median): %.2f (n=%d)%n", d / b, RUNS);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static double p95(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get((int) (s.size() * 0.95));
    }
}
