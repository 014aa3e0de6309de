package org.baoxue.aid;

import java.util.Set;
import java.util.stream.Collectors;

import org.baoxue.registry.Hardship;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task listeners of {@code aid-application}: on completion they validate the submitted values, write them to
 * {@code aid_application} and set the routing variables {@code recommended} and {@code identified}.
 */
@Component("aidApplicationTasks")
class AidApplicationTasks implements TaskListener {

    private final AidStore store;
    private final AidService service;
    private final TaskAudit audit;

    AidApplicationTasks(AidStore store, AidService service, TaskAudit audit) {
        this.store = store;
        this.service = service;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        AidApplication app = store.application(task.getExecution().getProcessBusinessKey()).orElseThrow();
        String step = task.getTaskDefinitionKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            if ("schoolReview".equals(step) && !"SENT_BACK".equals(app.status())) {
                store.applicationStatus(app.id(), "SCHOOL_REVIEW");
            }
            return;
        }
        if ("classEvaluation".equals(step)) {
            int rank = FormValues.integer(task, "classRank", 1, 200, true);
            boolean recommended = "RECOMMEND".equals(FormValues.oneOf(task, "recommendation", Set.of("RECOMMEND", "NOT_RECOMMEND")));
            String opinion = FormValues.text(task, "classOpinion", 2, 500);
            store.update("update aid_application set class_rank = ?, class_recommended = ?, class_opinion = ?, status = ? where id = ?",
                    rank, recommended, opinion, recommended ? "SCHOOL_REVIEW" : "NOT_RECOMMENDED", app.id());
            task.getExecution().setVariable("recommended", recommended);
            audit.completed(task, "aid.application.classEvaluation", app.caseNumber(), "rank " + rank + " " + recommended);
        } else if ("schoolReview".equals(step)) {
            int tier = FormValues.integer(task, "tier", 0, 3, true);
            String reason = FormValues.text(task, "overrideReason", 500, false);
            Integer suggested = app.suggestedTier();
            if ((suggested == null || tier != suggested) && reason == null) {
                throw new AidRefusal("aid.refusal.overrideReason", suggested == null ? 0 : suggested);
            }
            AidRound round = store.round(app.roundId()).orElseThrow();
            if (tier > 0) {
                AidRules.Amount amount = service.amountFor(app, tier);
                QuotaUse quota = service.quota(round, app.id(), app.boarding());
                if (app.boarding() && quota.over()) {
                    throw new AidRefusal("aid.refusal.quota", quota.identified(), quota.boarders(),
                            Math.round(quota.share() * 100), quota.limit());
                }
                store.update("update aid_application set tier = ?, override_reason = ?, yearly_amount = ?, semester_amount = ?, "
                                + "status = 'REVIEWED', sent_back_reason = null where id = ?",
                        tier, reason, amount.yearly(), amount.perSemester(), app.id());
            } else {
                store.update("update aid_application set tier = 0, override_reason = ?, yearly_amount = null, semester_amount = null, "
                        + "status = 'REJECTED' where id = ?", reason, app.id());
            }
            task.getExecution().setVariable("identified", tier > 0);
            audit.completed(task, "aid.application.schoolReview", app.caseNumber(), "tier " + tier);
        }
    }
}

/** The business-rule task {@code suggestTier}: evaluates {@code aid-tier} on the application's categories. */
@Component("aidSuggestTier")
class AidSuggestTier implements JavaDelegate {

    private final AidStore store;
    private final AidRules rules;

    AidSuggestTier(AidStore store, AidRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AidApplication app = store.application(execution.getProcessBusinessKey()).orElseThrow();
        Set<Hardship> categories = app.categoryList().stream().map(Hardship::valueOf).collect(Collectors.toSet());
        int tier = rules.suggestTier(categories);
        store.update("update aid_application set suggested_tier = ? where id = ?", tier, app.id());
    }
}
