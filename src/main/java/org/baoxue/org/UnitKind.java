package org.baoxue.org;

/** What a unit is: an administrative area, or an agency serving one. */
public enum UnitKind {
    CITY(true), COUNTY(true), TOWNSHIP(true), VILLAGE(true),
    SCHOOL(false), VILLAGE_COMMITTEE(false), TOWNSHIP_GOVERNMENT(false), TOWNSHIP_EDU_OFFICE(false),
    COUNTY_EDU_BUREAU(false), COUNTY_AID_CENTRE(false), COUNTY_FINANCE_BUREAU(false), CITY_EDU_BUREAU(false);

    private final boolean area;

    UnitKind(boolean area) {
        this.area = area;
    }

    public boolean isArea() {
        return area;
    }

    public String messageKey() {
        return "unit.kind." + name();
    }
}
