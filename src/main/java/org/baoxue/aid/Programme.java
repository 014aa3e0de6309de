package org.baoxue.aid;

import java.util.Optional;
import java.util.Set;

import org.baoxue.registry.Pupil;

/** The aid programmes a round can be for; the short code goes into case numbers. */
public enum Programme {
    /** 义务教育家庭经济困难学生生活补助 (两免一补's subsidy); boarders are subject to the county's quota. */
    LIVING_SUBSIDY("SHBZ", Set.of(Pupil.Stage.PRIMARY, Pupil.Stage.JUNIOR)),
    /** 普通高中国家助学金 */
    HIGH_SCHOOL_GRANT("GZZX", Set.of(Pupil.Stage.SENIOR)),
    /** 中等职业教育国家助学金 */
    VOCATIONAL_GRANT("ZZZX", Set.of(Pupil.Stage.SENIOR)),
    /** 免学费 (waived, not paid out) */
    FEE_EXEMPTION("MXF", Set.of(Pupil.Stage.SENIOR));

    private final String code;
    private final Set<Pupil.Stage> stages;

    Programme(String code, Set<Pupil.Stage> stages) {
        this.code = code;
        this.stages = stages;
    }

    public String code() {
        return code;
    }

    public boolean admits(Pupil.Stage stage) {
        return stages.contains(stage);
    }

    /** Whether one pupil may not hold both in one semester: the grants and the subsidy exclude each other. */
    public boolean excludes(Programme other) {
        return this != other && this != FEE_EXEMPTION && other != FEE_EXEMPTION;
    }

    public String messageKey() {
        return "aid.programme." + name();
    }

    public static Optional<Programme> parse(String name) {
        for (Programme p : values()) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
