package org.baoxue.registry;

import java.util.EnumSet;
import java.util.Set;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.Role;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;

/**
 * Who sees a pupil's full record (the unmasked ID number and guardians' full phone numbers), among those whose
 * jurisdiction covers the pupil at all:
 * <ul>
 * <li>class teachers, school leaders and school aid officers of the pupil's own school: they register the pupil,
 *     fill in aid applications and call the family;</li>
 * <li>county education and county aid officers of the pupil's county: they keep the county's student-status and
 *     aid ledgers and check ID numbers against other departments' lists.</li>
 * </ul>
 * Everyone else who may see the pupil — supervisors (county or city), township and village staff — sees the
 * masked record: name, school, class, household and hardships, but ID numbers as {@code 370923********1234} and
 * phones as {@code 138****5678}. Supervisors monitor cases, not individuals, and village and township staff reach
 * a family through the case they were given, whose task shows what the step needs; none of them needs the ID number.
 * Every full view is written to the audit log; so is every masked view, since a name and a household are also
 * personal data.
 */
final class PupilAccess {

    private static final Set<Role> SCHOOL_ROLES = EnumSet.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER, Role.SCHOOL_AID);
    private static final Set<Role> COUNTY_ROLES = EnumSet.of(Role.COUNTY_EDU, Role.COUNTY_AID);

    private PupilAccess() {
    }

    static boolean seesFullRecord(BaoxueUser user, Pupil pupil) {
        Unit unit = user.unit();
        if (unit.kind() == UnitKind.SCHOOL && unit.code().equals(pupil.schoolCode())) {
            return user.roles().stream().anyMatch(SCHOOL_ROLES::contains);
        }
        if ((unit.kind() == UnitKind.COUNTY_EDU_BUREAU || unit.kind() == UnitKind.COUNTY_AID_CENTRE)
                && unit.countyCode() != null && unit.countyCode().equals(pupil.countyCode())) {
            return user.roles().stream().anyMatch(COUNTY_ROLES::contains);
        }
        return false;
    }
}
