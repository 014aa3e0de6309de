package org.baoxue.dropout;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.baoxue.calendar.WorkingCalendar;
import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Unit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The user tasks' listener. On {@code create} it records the case's current step; on {@code complete} it validates
 * the submitted values against the task's form, writes them to the dropout tables in the engine's transaction, sets
 * only the routing variables the gateways read ({@code returned}, {@code stillInSchool}, {@code placement}, the
 * deadline dates of the timers) and removes the submitted values from the process, so case data stay in the tables.
 */
@Component("dropoutTaskListener")
class DropoutTaskListener implements TaskListener {

    private final CaseStore store;
    private final FormRules rules;
    private final WorkingCalendar calendar;
    private final OrgDirectory directory;

    DropoutTaskListener(CaseStore store, FormRules rules, WorkingCalendar calendar, OrgDirectory directory) {
        this.store = store;
        this.rules = rules;
        this.calendar = calendar;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        DropoutCase c = store.find(task.getExecution().getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no dropout case for this process instance"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            store.setStage(c.id(), task.getTaskDefinitionKey());
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String formId = formOf(task);
        Map<String, Object> values = new HashMap<>();
        rules.fields(formId).forEach(f -> values.put(f.key(), task.getVariable(f.key())));
        var errors = rules.validate(formId, values);
        if (!errors.isEmpty()) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid", errors);
        }
        for (String key : values.keySet()) {
            task.removeVariable(key);
        }
        record(task, c, values);
        store.resolveOverdue(c.id(), task.getId());
    }

    static String formOf(DelegateTask task) {
        UserTask element = (UserTask) task.getBpmnModelElementInstance();
        return element.getCamundaFormRef();
    }

    private void record(DelegateTask task, DropoutCase c, Map<String, Object> v) {
        String key = task.getTaskDefinitionKey();
        String who = Actor.name();
        switch (key) {
            case "ut_home_visit", "ut_joint_visit" -> {
                store.addVisit(c.id(), key, date(v, "visitDate"), s(v, "visitors"), s(v, "metWith"), s(v, "reason"),
                        s(v, "outcome"), s(v, "note"), who);
                task.setVariable("returned", "RETURNED".equals(s(v, "outcome")));
            }
            case "ut_written_report" -> {
                store.setResponsibles(c.id(), s(v, "adminOfficial"), s(v, "villageCadre"), s(v, "countyEduOfficer"),
                        s(v, "townshipEduOfficer"), s(v, "schoolPerson"));
                store.setStatus(c.id(), DropoutCase.Status.DROPOUT);
                store.addStep(c.id(), key, who, "REPORTED", date(v, "reportDate"), s(v, "reportNumber"), null, s(v, "note"));
            }
            case "ut_notify_guardian" -> {
                store.addStep(c.id(), key, who, s(v, "outcome"), date(v, "notifiedOn"), null, null,
                        join("监护人：" + s(v, "guardianMet"), "通知人：" + s(v, "notifiedBy"), s(v, "note")));
                task.setVariable("returned", "RETURNED".equals(s(v, "outcome")));
            }
            case "ut_plan" -> store.addStep(c.id(), key, who, "APPROVED", date(v, "approvedOn"), null, null,
                    join(s(v, "plan"), "审批人：" + s(v, "approvedBy")));
            case "ut_issue_order" -> issueOrder(task, c, v, who);
            case "ut_check_compliance", "ut_check_judgment" -> {
                store.addStep(c.id(), key, who, s(v, "outcome"), date(v, "checkedOn"), null, null, s(v, "note"));
                task.setVariable("returned", "RETURNED".equals(s(v, "outcome")));
            }
            case "ut_penalty" -> {
                store.addStep(c.id(), key, who, s(v, "outcome"), date(v, "decidedOn"), s(v, "decisionNumber"), null, s(v, "penalty"));
                task.setVariable("returned", "RETURNED".equals(s(v, "outcome")));
            }
            case "ut_court_filing" -> store.addStep(c.id(), key, who,
                    Boolean.TRUE.equals(bool(v.get("procuratorateSupport"))) ? "FILED_WITH_PROCURATORATE" : "FILED",
                    date(v, "filedOn"), s(v, "courtCaseNumber"), null, join("受理法院：" + s(v, "court"), s(v, "note")));
            case "ut_court_result" -> {
                LocalDate decided = date(v, "decidedOn");
                LocalDate deadline = date(v, "returnDeadline");
                if (!deadline.isAfter(decided)) {
                    throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                            Map.of("returnDeadline", new DropoutException.FieldError("dropout.validation.after-decision", java.util.List.of())));
                }
                store.addStep(c.id(), key, who, s(v, "resolution"), decided, s(v, "documentNumber"), deadline, s(v, "note"));
                task.setVariable("returnDeadlineAt", endOf(deadline));
            }
            case "ut_enforcement" -> store.addStep(c.id(), key, who, "APPLIED", date(v, "appliedOn"), s(v, "enforcementNumber"), null, s(v, "note"));
            case "ut_follow_up_1", "ut_follow_up_2", "ut_follow_up_3" -> {
                store.addStep(c.id(), key, who, s(v, "inSchool"), date(v, "checkedOn"), null, null, s(v, "note"));
                task.setVariable("stillInSchool", "IN_SCHOOL".equals(s(v, "inSchool")));
            }
            case "ut_close" -> store.addStep(c.id(), key, who, "CLOSED", date(v, "closedOn"), null, null, s(v, "note"));
            case "ut_special_assessment" -> {
                store.setPlacement(c.id(), s(v, "placement"));
                store.addStep(c.id(), key, who, s(v, "placement"), date(v, "assessedOn"), null, null, s(v, "note"));
                task.setVariable("placement", s(v, "placement"));
            }
            case "ut_deferral" -> store.addStep(c.id(), key, who, "DEFERRED", date(v, "approvedOn"), s(v, "approvalNumber"),
                    date(v, "deferUntil"), s(v, "note"));
            case "ut_lawful_end" -> store.addStep(c.id(), key, who, "LAWFUL_END", date(v, "confirmedOn"), null, null, s(v, "note"));
            default -> store.addStep(c.id(), key, who, "DONE", null, null, null, null);
        }
    }

    /** 《责令限期改正通知书》: the deadline is the county's working days after the day of issue; the timer waits for it. */
    private void issueOrder(DelegateTask task, DropoutCase c, Map<String, Object> v, String who) {
        LocalDate issuedOn = date(v, "issuedOn");
        int days = ((Number) task.getVariable("orderDays")).intValue();
        LocalDate deadline = calendar.plusWorkingDays(issuedOn, days);
        boolean county = "COUNTY".equals(s(v, "issuer"));
        String issuerName = directory.unit(county ? "E" + c.countyCode() : "G" + c.townshipCode()).map(Unit::name)
                .orElse(county ? "县教育局" : "乡镇人民政府");
        String number = c.caseNumber() + "-Z" + (store.letterCount(c.id()) + 1);
        long letterId = store.addLetter(c.id(), number, s(v, "issuer"), issuerName, issuedOn, deadline,
                s(v, "guardianName"), s(v, "guardianAddress"), who);
        store.addStep(c.id(), "ut_issue_order", who, "ISSUED", issuedOn, number, deadline,
                join("letter:" + letterId, s(v, "note")));
        task.setVariable("orderDeadlineAt", endOf(deadline));
    }

    /** The first moment after the day: a timer on a deadline fires when the whole day has passed. */
    static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(FormRules.ZONE).toInstant());
    }

    private static String s(Map<String, Object> v, String key) {
        Object o = v.get(key);
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).trim();
    }

    private static LocalDate date(Map<String, Object> v, String key) {
        return FormRules.date(v.get(key));
    }

    private static Boolean bool(Object o) {
        return o instanceof Boolean b ? b : o == null ? null : Boolean.valueOf(String.valueOf(o));
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank() && !p.endsWith("：null")) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(p);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
