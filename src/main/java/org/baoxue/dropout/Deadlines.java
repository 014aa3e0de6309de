package org.baoxue.dropout;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The county's deadlines, from the DMN decision {@code dropout-deadlines} (latest deployed version, so a modeler's
 * change takes effect for the next case without code). Keyed by county code with a default row.
 */
@Component
class Deadlines {

    static final String DECISION = "dropout-deadlines";

    private final DecisionService decisions;

    Deadlines(DecisionService decisions) {
        this.decisions = decisions;
    }

    record County(int absenceThreshold, int visitDays, int jointVisitDays, int reportDays, int persuasionDays,
                  int orderDays, int actionDays, boolean penaltyAllowed, int followUpFirstDays, int followUpSecondDays) {

        /** As the few process variables the model's due dates, timers and gateways read. */
        Map<String, Object> variables() {
            return Map.of("visitDays", visitDays, "jointVisitDays", jointVisitDays, "reportDays", reportDays,
                    "persuasionDays", persuasionDays, "orderDays", orderDays, "actionDays", actionDays,
                    "penaltyAllowed", penaltyAllowed, "followUpFirstDays", followUpFirstDays,
                    "followUpSecondDays", followUpSecondDays);
        }
    }

    County of(String countyCode) {
        Map<String, Object> r = decisions.evaluateDecisionTableByKey(DECISION)
                .variables(Variables.createVariables().putValue("countyCode", countyCode))
                .evaluate().getSingleResult().getEntryMap();
        return new County(i(r, "absenceThreshold"), i(r, "visitDays"), i(r, "jointVisitDays"), i(r, "reportDays"),
                i(r, "persuasionDays"), i(r, "orderDays"), i(r, "actionDays"), Boolean.TRUE.equals(r.get("penaltyAllowed")),
                i(r, "followUpFirstDays"), i(r, "followUpSecondDays"));
    }

    private static int i(Map<String, Object> r, String name) {
        Object v = r.get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("DMN " + DECISION + " has no number for " + name);
        }
        return n.intValue();
    }
}
