package org.baoxue.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standards in the aid DMN tables, evaluated by a plain DMN engine on the deployed files. */
class AidDecisionTablesTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    static DmnDecision decision(String key) {
        try (InputStream in = AidDecisionTablesTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            return DMN.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final DmnDecision AMOUNT = decision("aid-amount");
    static final DmnDecision TIER = decision("aid-tier");
    static final DmnDecision QUOTA = decision("aid-quota");

    static DmnDecisionResultEntries amount(String programme, String stage, int tier, boolean boarding) {
        return DMN.evaluateDecision(AMOUNT, Map.of("programme", programme, "stage", stage, "tier", tier, "boarding", boarding))
                .getSingleResult();
    }

    @ParameterizedTest(name = "{0} {1} tier {2} boarding {3}: {4} a year, {5} a semester")
    @CsvSource({
            // compulsory-education living subsidy from spring 2024: boarders 1250 (primary) / 1500 (junior), non-boarders half
            "LIVING_SUBSIDY, PRIMARY, 1, true, 1250, 625",
            "LIVING_SUBSIDY, PRIMARY, 3, true, 1250, 625",
            "LIVING_SUBSIDY, JUNIOR, 2, true, 1500, 750",
            "LIVING_SUBSIDY, PRIMARY, 2, false, 625, 312.5",
            "LIVING_SUBSIDY, JUNIOR, 1, false, 750, 375",
            // general high-school national grant from spring 2025, averaging 2300 in three tiers
            "HIGH_SCHOOL_GRANT, SENIOR, 1, false, 3000, 1500",
            "HIGH_SCHOOL_GRANT, SENIOR, 2, true, 2300, 1150",
            "HIGH_SCHOOL_GRANT, SENIOR, 3, false, 1600, 800",
            // secondary vocational grant averaging 2300
            "VOCATIONAL_GRANT, SENIOR, 1, false, 3000, 1500",
            "VOCATIONAL_GRANT, SENIOR, 2, false, 2300, 1150",
            "VOCATIONAL_GRANT, SENIOR, 3, true, 1600, 800",
            // fee exemption: waived, nothing paid out
            "FEE_EXEMPTION, SENIOR, 1, false, 0, 0",
            // no tier, no money
            "LIVING_SUBSIDY, JUNIOR, 0, true, 0, 0",
    })
    void amounts(String programme, String stage, int tier, boolean boarding, int yearly, double semester) {
        DmnDecisionResultEntries r = amount(programme, stage, tier, boarding);
        assertThat(((Number) r.getEntry("yearlyAmount")).intValue()).isEqualTo(yearly);
        assertThat(((Number) r.getEntry("semesterAmount")).doubleValue()).isEqualTo(semester);
    }

    @Test
    void highSchoolTiersAverage2300() {
        int sum = 0;
        for (int tier = 1; tier <= 3; tier++) {
            sum += ((Number) amount("HIGH_SCHOOL_GRANT", "SENIOR", tier, false).getEntry("yearlyAmount")).intValue();
        }
        assertThat(sum / 3).isEqualTo(2300);
    }

    @Test
    void noStandardForAProgrammeOutsideItsStage() {
        assertThat(amount("HIGH_SCHOOL_GRANT", "PRIMARY", 1, false)).isNull();
    }

    static int tier(String... categories) {
        Map<String, Object> vars = new HashMap<>();
        AidRules.TIER_INPUTS.values().forEach(v -> vars.put(v, false));
        for (String c : categories) {
            vars.put(c, true);
        }
        Object t = DMN.evaluateDecision(TIER, vars).getSingleResult().getEntry("suggestedTier");
        return ((Number) t).intValue();
    }

    @Test
    void tierSuggestions() {
        assertThat(tier("extremePoverty")).isEqualTo(1);
        assertThat(tier("orphan")).isEqualTo(1);
        assertThat(tier("povertyRegistered")).isEqualTo(1);
        assertThat(tier("martyr")).isEqualTo(1);
        assertThat(tier("subsistence")).isEqualTo(2);
        assertThat(tier("disability")).isEqualTo(2);
        assertThat(tier("seriousIllness")).isEqualTo(2);
        assertThat(tier("disaster")).isEqualTo(3);
        assertThat(tier("disaster", "orphan")).isEqualTo(1);
        assertThat(tier()).isZero();
    }

    @Test
    void quotaDefaultsTo30PercentOfBoarders() {
        Object share = DMN.evaluateDecision(QUOTA, Map.of("countyCode", "370923", "programme", "LIVING_SUBSIDY"))
                .getSingleResult().getEntry("boardingShare");
        assertThat(((Number) share).doubleValue()).isEqualTo(0.30);
        Object other = DMN.evaluateDecision(QUOTA, Map.of("countyCode", "370921", "programme", "HIGH_SCHOOL_GRANT"))
                .getSingleResult().getEntry("boardingShare");
        assertThat(((Number) other).doubleValue()).isEqualTo(1.0);
    }
}
