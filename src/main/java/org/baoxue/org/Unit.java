package org.baoxue.org;

/**
 * A node of the organisation tree. County, township and village codes are those of the area the unit lies in
 * (for an area, its own code at its level), so that a jurisdiction check is a comparison, not a tree walk.
 */
public record Unit(String code, String name, UnitKind kind, String parentCode,
                   String countyCode, String townshipCode, String villageCode) {

    /**
     * The code that candidate groups use for this unit: a school by its own code, every other agency by the
     * code of the area it serves — so {@code township-official:370923101} names the township government's officials.
     */
    public String routingCode() {
        return switch (kind) {
            case SCHOOL, CITY, COUNTY, TOWNSHIP, VILLAGE -> code;
            case VILLAGE_COMMITTEE -> villageCode;
            case TOWNSHIP_GOVERNMENT, TOWNSHIP_EDU_OFFICE -> townshipCode;
            case COUNTY_EDU_BUREAU, COUNTY_AID_CENTRE, COUNTY_FINANCE_BUREAU -> countyCode;
            case CITY_EDU_BUREAU -> parentCode;
        };
    }

    /** What a user of this unit may see: a school its own pupils, a township its township, a county bureau the county. */
    public Jurisdiction jurisdiction() {
        return switch (kind) {
            case SCHOOL -> new Jurisdiction(Jurisdiction.Level.SCHOOL, code);
            case VILLAGE, VILLAGE_COMMITTEE -> new Jurisdiction(Jurisdiction.Level.VILLAGE, villageCode);
            case TOWNSHIP, TOWNSHIP_GOVERNMENT, TOWNSHIP_EDU_OFFICE -> new Jurisdiction(Jurisdiction.Level.TOWNSHIP, townshipCode);
            case COUNTY, COUNTY_EDU_BUREAU, COUNTY_AID_CENTRE, COUNTY_FINANCE_BUREAU -> new Jurisdiction(Jurisdiction.Level.COUNTY, countyCode);
            case CITY, CITY_EDU_BUREAU -> Jurisdiction.CITY;
        };
    }
}
