package org.baoxue.org;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A role held at a unit. Its key, joined with the unit's routing code, names a candidate group. */
public enum Role {
    CLASS_TEACHER("class-teacher", true, UnitKind.SCHOOL),
    SCHOOL_LEADER("school-leader", true, UnitKind.SCHOOL),
    SCHOOL_AID("school-aid", true, UnitKind.SCHOOL),
    VILLAGE_CADRE("village-cadre", true, UnitKind.VILLAGE_COMMITTEE),
    TOWNSHIP_OFFICIAL("township-official", true, UnitKind.TOWNSHIP_GOVERNMENT),
    TOWNSHIP_EDU("township-edu", true, UnitKind.TOWNSHIP_EDU_OFFICE),
    COUNTY_EDU("county-edu", true, UnitKind.COUNTY_EDU_BUREAU),
    COUNTY_AID("county-aid", true, UnitKind.COUNTY_AID_CENTRE),
    FINANCE("finance", true, UnitKind.COUNTY_FINANCE_BUREAU),
    SUPERVISOR("supervisor", false, UnitKind.COUNTY_EDU_BUREAU, UnitKind.CITY_EDU_BUREAU, UnitKind.TOWNSHIP_EDU_OFFICE),
    MODELER("modeler", false, UnitKind.CITY_EDU_BUREAU, UnitKind.COUNTY_EDU_BUREAU),
    ADMIN("admin", false, UnitKind.CITY_EDU_BUREAU, UnitKind.COUNTY_EDU_BUREAU);

    private final String key;
    private final boolean official;
    private final Set<UnitKind> heldAt;

    Role(String key, boolean official, UnitKind first, UnitKind... rest) {
        this.key = key;
        this.official = official;
        this.heldAt = EnumSet.of(first, rest);
    }

    public String key() {
        return key;
    }

    /** Officials complete tasks; the other roles supervise, model or administer. */
    public boolean isOfficial() {
        return official;
    }

    public boolean canBeHeldAt(UnitKind kind) {
        return heldAt.contains(kind);
    }

    /** The candidate group of this role at a unit, e.g. {@code class-teacher:3137001001}. */
    public String groupAt(Unit unit) {
        return key + ":" + unit.routingCode();
    }

    public String messageKey() {
        return "role." + key;
    }

    public static Optional<Role> ofKey(String key) {
        for (Role role : values()) {
            if (role.key.equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
