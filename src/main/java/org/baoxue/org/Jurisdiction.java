package org.baoxue.org;

import java.util.List;

/**
 * The part of the organisation a user may see. Tables that hold jurisdiction-scoped rows carry the columns
 * {@code county_code}, {@code township_code}, {@code village_code} and {@code school_code}; {@link #sql(String)}
 * turns the jurisdiction into one indexed equality on the right column, so the filter lives in the query.
 */
public record Jurisdiction(Level level, String code) {

    public enum Level { CITY, COUNTY, TOWNSHIP, VILLAGE, SCHOOL }

    public static final Jurisdiction CITY = new Jurisdiction(Level.CITY, "370900");

    /** An SQL condition on the row alias (or {@code ""} for unqualified columns); bind {@link #args()} to it. */
    public String sql(String alias) {
        String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
        return switch (level) {
            case CITY -> "1=1";
            case COUNTY -> prefix + "county_code = ?";
            case TOWNSHIP -> prefix + "township_code = ?";
            case VILLAGE -> prefix + "village_code = ?";
            case SCHOOL -> prefix + "school_code = ?";
        };
    }

    public List<Object> args() {
        return level == Level.CITY ? List.of() : List.of(code);
    }

    /** The same condition as {@link #sql(String)}, checked on a row already in memory. */
    public boolean covers(String countyCode, String townshipCode, String villageCode, String schoolCode) {
        return switch (level) {
            case CITY -> true;
            case COUNTY -> code.equals(countyCode);
            case TOWNSHIP -> code.equals(townshipCode);
            case VILLAGE -> code.equals(villageCode);
            case SCHOOL -> code.equals(schoolCode);
        };
    }

    public boolean covers(Unit unit) {
        String school = unit.kind() == UnitKind.SCHOOL ? unit.code() : null;
        return covers(unit.countyCode(), unit.townshipCode(), unit.villageCode(), school);
    }
}
