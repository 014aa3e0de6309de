package org.baoxue.dropout;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and end listeners of {@code dropout-intervention.bpmn}, each a bean named in the model. */
@Configuration
class ProcessDelegates {

    /** Spring semester ends about 10 July, the autumn one about 20 January (Shandong school calendars). */
    static final MonthDay SPRING_END = MonthDay.of(7, 10);
    static final MonthDay AUTUMN_END = MonthDay.of(1, 20);

    static final int OVERDUE_PRIORITY = 80;

    /** Evaluates the county's deadlines (DMN) and keeps them as the few variables the model reads. */
    @Bean
    JavaDelegate dropoutDeadlines(Deadlines deadlines) {
        return execution -> execution.setVariables(deadlines.of((String) execution.getVariable("countyCode")).variables());
    }

    /** Overdue: marks the step and tells the supervisors; the task itself stays open (non-interrupting timer). */
    @Bean
    JavaDelegate dropoutOverdue(CaseStore store, List<OverdueNotifier> notifiers) {
        return execution -> {
            String step = (String) execution.getVariable("overdueStep");
            DropoutCase c = caseOf(store, execution);
            Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                    .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(step).active()
                    .list().stream().findFirst().orElse(null);
            String name = task != null ? task.getName() : step;
            store.markOverdue(c.id(), step, task == null ? null : task.getId(), task == null ? null : task.getDueDate());
            if (task != null) {
                // the task itself carries the mark in every task list: overdue tasks sort first (default priority 50)
                execution.getProcessEngineServices().getTaskService().setPriority(task.getId(), OVERDUE_PRIORITY);
            }
            store.addStep(c.id(), "overdue", Actor.SYSTEM, step, null, null, null, name);
            for (OverdueNotifier n : notifiers) {
                n.overdue(c, step, name);
            }
        };
    }

    /** Back in school: the case enters 保学 follow-up until the end of the semester. */
    @Bean
    JavaDelegate dropoutReturned(CaseStore store) {
        return execution -> {
            DropoutCase c = caseOf(store, execution);
            LocalDate today = LocalDate.now(FormRules.ZONE);
            store.returned(c.id(), today);
            store.addStep(c.id(), "returned", Actor.name(), "RETURNED", today, null, null, null);
            int second = ((Number) execution.getVariable("followUpSecondDays")).intValue();
            LocalDate end = semesterEnd(today);
            if (!end.isAfter(today.plusDays(second))) {
                end = today.plusDays(second + 1L);
            }
            execution.setVariable("semesterEndAt", DropoutTaskListener.endOf(end.minusDays(1)));
        };
    }

    /** A new absence during follow-up: the case opens again at the class teacher's home visit. */
    @Bean
    JavaDelegate dropoutReopened(CaseStore store) {
        return execution -> {
            DropoutCase c = caseOf(store, execution);
            store.reopened(c.id());
            store.addStep(c.id(), "reopened", Actor.name(), "REOPENED", LocalDate.now(FormRules.ZONE), null, null, null);
            execution.setVariable("returned", false);
        };
    }

    /** The end events that close the case, each with its reason. */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener dropoutCaseEnded(CaseStore store) {
        return execution -> {
            DropoutCase c = caseOf(store, execution);
            String reason = switch (execution.getCurrentActivityId()) {
                case "end_closed" -> "RETURNED";
                case "end_deferred" -> "DEFERRED";
                case "end_placed" -> "PLACED";
                case "end_lawful" -> "LAWFUL_END";
                default -> execution.getCurrentActivityId();
            };
            store.close(c.id(), LocalDate.now(FormRules.ZONE), reason, c.placement());
        };
    }

    static LocalDate semesterEnd(LocalDate day) {
        LocalDate spring = SPRING_END.atYear(day.getYear());
        LocalDate autumn = AUTUMN_END.atYear(day.getYear());
        if (day.isBefore(autumn)) {
            return autumn;
        }
        if (day.isBefore(spring)) {
            return spring;
        }
        return AUTUMN_END.atYear(day.getYear() + 1);
    }

    private static DropoutCase caseOf(CaseStore store, DelegateExecution execution) {
        return store.find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no dropout case for this process instance"));
    }
}
