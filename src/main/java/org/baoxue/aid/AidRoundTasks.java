package org.baoxue.aid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.baoxue.calendar.WorkingCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task listeners of {@code aid-round}: submitting the list for notice (all applications decided, quota kept),
 * the school's approval, the county's review (approve, or send single applications back), the resubmission.
 * They keep {@code aid_round.status} and tell the application processes the decision by message.
 */
@Component("aidRoundTasks")
class AidRoundTasks implements TaskListener {

    private final AidStore store;
    private final AidService service;
    private final RuntimeService runtime;
    private final TaskAudit audit;

    AidRoundTasks(AidStore store, AidService service, RuntimeService runtime, TaskAudit audit) {
        this.store = store;
        this.service = service;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        AidRound round = store.round(task.getExecution().getProcessBusinessKey()).orElseThrow();
        String step = task.getTaskDefinitionKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            store.roundStatus(round.id(), "schoolApproval".equals(step) ? "SCHOOL_APPROVAL" : "COUNTY_REVIEW");
            return;
        }
        switch (step) {
            case "submitList" -> {
                String place = FormValues.text(task, "noticePlace", 2, 200);
                if (!FormValues.checked(task, "listConfirmed")) {
                    throw new AidRefusal("aid.refusal.required", "listConfirmed");
                }
                checkListComplete(round);
                store.update("update aid_round set notice_place = ? where id = ?", place, round.id());
                task.getExecution().setVariable("noticeRestartPending", false);
                audit.completed(task, "aid.round.submit", round.caseNumber(), place);
            }
            case "schoolApproval" -> {
                var meeting = FormValues.date(task, "meetingDate", true);
                String opinion = FormValues.text(task, "approvalOpinion", 2, 500);
                store.update("update aid_round set school_opinion = ? where id = ?", meeting + " " + opinion, round.id());
                audit.completed(task, "aid.round.schoolApproval", round.caseNumber(), opinion);
            }
            case "countyReview" -> countyReview(task, round);
            case "resubmit" -> {
                String note = FormValues.text(task, "resubmitNote", 2, 500);
                checkListComplete(round);
                audit.completed(task, "aid.round.resubmit", round.caseNumber(), note);
            }
            default -> {
            }
        }
    }

    private void checkListComplete(AidRound round) {
        if (store.countInStates(round.id(), AidStore.OPEN_STATES) > 0) {
            throw new AidRefusal("aid.refusal.listIncomplete");
        }
        if (store.countInStates(round.id(), List.of("REVIEWED")) == 0) {
            throw new AidRefusal("aid.refusal.listEmpty");
        }
        QuotaUse quota = service.quota(round);
        if (quota.over()) {
            throw new AidRefusal("aid.refusal.quota", quota.identified(), quota.boarders(),
                    Math.round(quota.share() * 100), quota.limit());
        }
    }

    private void countyReview(DelegateTask task, AidRound round) {
        String decision = FormValues.oneOf(task, "countyDecision", Set.of("approved", "sentBack"));
        String opinion = FormValues.text(task, "reviewOpinion", 2, 500);
        List<AidApplication> reviewed = store.applications(round.id()).stream().filter(a -> "REVIEWED".equals(a.status())).toList();
        if ("approved".equals(decision)) {
            for (AidApplication a : reviewed) {
                store.applicationStatus(a.id(), "APPROVED");
                runtime.createMessageCorrelation("AidRoundDecision").processInstanceBusinessKey(a.caseNumber())
                        .setVariable("decision", "approved").correlate();
            }
            store.update("update aid_round set status = 'APPROVED', county_opinion = ? where id = ?", opinion, round.id());
        } else {
            String listed = FormValues.text(task, "sentBackApplications", 2000, true);
            Set<String> numbers = new LinkedHashSet<>();
            for (String n : listed.split("[\\s,，;；]+")) {
                if (!n.isBlank()) {
                    numbers.add(n.strip());
                }
            }
            List<AidApplication> back = new ArrayList<>();
            for (String n : numbers) {
                back.add(reviewed.stream().filter(a -> a.caseNumber().equals(n)).findFirst()
                        .orElseThrow(() -> new AidRefusal("aid.refusal.sendBackNumber", n)));
            }
            for (AidApplication a : back) {
                store.update("update aid_application set status = 'SENT_BACK', sent_back_reason = ? where id = ?", opinion, a.id());
                runtime.createMessageCorrelation("AidRoundDecision").processInstanceBusinessKey(a.caseNumber())
                        .setVariable("decision", "sentBack").correlate();
            }
            store.update("update aid_round set status = 'SENT_BACK', county_opinion = ? where id = ?", opinion, round.id());
        }
        task.getExecution().setVariable("countyDecision", decision);
        audit.completed(task, "aid.round.countyReview", round.caseNumber(), decision + " " + opinion);
    }
}

/** Start of the notice period (first time or again after a change): records its dates on the round. */
@Component("aidNoticeStarted")
class AidNoticeStarted implements ExecutionListener {

    private final AidStore store;
    private final AidService service;
    private final WorkingCalendar calendar;

    AidNoticeStarted(AidStore store, AidService service, WorkingCalendar calendar) {
        this.store = store;
        this.service = service;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        AidRound round = store.round(execution.getProcessBusinessKey()).orElseThrow();
        var today = service.today();
        int restarts = round.noticeStartedOn() == null ? 0 : round.noticeRestarts() + 1;
        store.update("update aid_round set status = 'NOTICE', notice_started_on = ?, notice_ends_on = ?, notice_restarts = ? where id = ?",
                today, calendar.plusWorkingDays(today, 5), restarts, round.id());
        execution.setVariable("noticeRestartPending", false);
    }
}

/**
 * After an objection changed the list: restart the running notice period, or, if the period has already ended
 * while the objection was open, have the round go through the notice once more.
 */
@Component("aidRestartNotice")
class AidRestartNotice implements JavaDelegate {

    private final RuntimeService runtime;

    AidRestartNotice(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String pi = execution.getProcessInstanceId();
        if (runtime.createEventSubscriptionQuery().processInstanceId(pi).eventName("AidNoticeRestart").count() > 0) {
            runtime.createMessageCorrelation("AidNoticeRestart").processInstanceId(pi).correlate();
        } else {
            execution.getProcessInstance().setVariable("noticeRestartPending", true);
        }
    }
}
