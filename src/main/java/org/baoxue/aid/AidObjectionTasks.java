package org.baoxue.aid;

import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The objection task: on creation it is linked to the objection just recorded; on completion the answer is
 * written, and a changed tier or a removal is applied to the application (the gateway then restarts the notice).
 */
@Component("aidObjectionTasks")
class AidObjectionTasks implements TaskListener {

    private final AidStore store;
    private final AidService service;
    private final RuntimeService runtime;
    private final TaskAudit audit;

    AidObjectionTasks(AidStore store, AidService service, RuntimeService runtime, TaskAudit audit) {
        this.store = store;
        this.service = service;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Object id = task.getVariable("objectionId");
            if (id instanceof Number n) {
                store.update("update aid_objection set task_id = ? where id = ?", task.getId(), n.longValue());
                task.setVariableLocal("objectionId", n.longValue());
            }
            return;
        }
        AidStore.Objection objection = store.objectionOfTask(task.getId()).orElseThrow();
        String outcome = FormValues.oneOf(task, "outcome", Set.of("KEEP", "CHANGE_TIER", "REMOVE"));
        String answer = FormValues.text(task, "answer", 2, 1000);
        Integer newTier = null;
        boolean changed = false;
        if (!"KEEP".equals(outcome)) {
            if (objection.applicationId() == null) {
                throw new AidRefusal("aid.refusal.objectionNoApplication");
            }
            AidApplication app = store.application(objection.applicationId()).orElseThrow();
            if (!"REVIEWED".equals(app.status())) {
                throw new AidRefusal("aid.refusal.objectionApplication");
            }
            if ("CHANGE_TIER".equals(outcome)) {
                newTier = FormValues.integer(task, "newTier", 1, 3, true);
                if (newTier.equals(app.tier())) {
                    throw new AidRefusal("aid.refusal.sameTier");
                }
                AidRules.Amount amount = service.amountFor(app, newTier);
                store.update("update aid_application set tier = ?, yearly_amount = ?, semester_amount = ?, "
                                + "override_reason = ? where id = ?", newTier, amount.yearly(), amount.perSemester(),
                        "公示异议改档：" + answer, app.id());
            } else {
                store.applicationStatus(app.id(), "REMOVED");
                runtime.createMessageCorrelation("AidRoundDecision").processInstanceBusinessKey(app.caseNumber())
                        .setVariable("decision", "removed").correlate();
            }
            changed = true;
        }
        store.update("update aid_objection set outcome = ?, new_tier = ?, answer = ?, answered_by = ?, answered_at = current_timestamp "
                + "where id = ?", outcome, newTier, answer, audit.username(task), objection.id());
        task.getExecution().setVariableLocal("listChanged", changed);
        audit.completed(task, "aid.objection.answer", task.getExecution().getProcessBusinessKey(), outcome);
    }
}
