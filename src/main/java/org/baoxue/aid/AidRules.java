package org.baoxue.aid;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.baoxue.registry.Hardship;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The standards a modeler keeps in DMN: the suggested tier ({@code aid-tier}), the amounts ({@code aid-amount}) and
 * the quotas ({@code aid-quota}). The latest deployed version of each table applies.
 */
@Service
public class AidRules {

    /** The hardship categories of the issue, in the order the tier table lists them, with the DMN input names. */
    static final Map<Hardship, String> TIER_INPUTS = new java.util.LinkedHashMap<>();

    static {
        TIER_INPUTS.put(Hardship.EXTREME_POVERTY, "extremePoverty");
        TIER_INPUTS.put(Hardship.ORPHAN, "orphan");
        TIER_INPUTS.put(Hardship.POVERTY_REGISTERED, "povertyRegistered");
        TIER_INPUTS.put(Hardship.MARTYR, "martyr");
        TIER_INPUTS.put(Hardship.SUBSISTENCE, "subsistence");
        TIER_INPUTS.put(Hardship.DISABILITY, "disability");
        TIER_INPUTS.put(Hardship.SERIOUS_ILLNESS, "seriousIllness");
        TIER_INPUTS.put(Hardship.DISASTER, "disaster");
    }

    private final DecisionService decisions;

    AidRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** 1 (特别困难) to 3 (一般困难), or 0 when the categories suggest none. */
    public int suggestTier(Collection<Hardship> categories) {
        Map<String, Object> vars = new HashMap<>();
        TIER_INPUTS.forEach((h, name) -> vars.put(name, categories.contains(h)));
        DmnDecisionResult result = decisions.evaluateDecisionByKey("aid-tier").variables(vars).evaluate();
        Number tier = result.getSingleResult() == null ? null : result.getSingleResult().getEntry("suggestedTier");
        return tier == null ? 0 : tier.intValue();
    }

    public record Amount(BigDecimal yearly, BigDecimal perSemester) {
    }

    /** The standard for the programme, stage, tier and boarding; empty when the table has none. */
    public Optional<Amount> amount(Programme programme, String stage, int tier, boolean boarding) {
        Map<String, Object> vars = Map.of("programme", programme.name(), "stage", stage, "tier", tier, "boarding", boarding);
        DmnDecisionResult result = decisions.evaluateDecisionByKey("aid-amount").variables(vars).evaluate();
        if (result.getSingleResult() == null || result.getSingleResult().getEntry("yearlyAmount") == null) {
            return Optional.empty();
        }
        Number yearly = result.getSingleResult().getEntry("yearlyAmount");
        Number semester = result.getSingleResult().getEntry("semesterAmount");
        BigDecimal y = new BigDecimal(yearly.toString());
        BigDecimal s = semester == null ? y.divide(BigDecimal.valueOf(2)) : new BigDecimal(semester.toString());
        return Optional.of(new Amount(y, s));
    }

    /** The largest share of the school's boarders that may receive the programme (1.0: no limit). */
    public double boardingShare(String countyCode, Programme programme) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("aid-quota")
                .variables(Map.of("countyCode", countyCode, "programme", programme.name())).evaluate();
        Number share = result.getSingleResult() == null ? null : result.getSingleResult().getEntry("boardingShare");
        return share == null ? 1.0 : share.doubleValue();
    }
}
