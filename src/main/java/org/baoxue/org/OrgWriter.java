package org.baoxue.org;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes units and users; used by the demo data and the first administrator of a new installation. */
@Component
class OrgWriter {

    private final JdbcClient jdbc;
    private final OrgDirectory directory;

    OrgWriter(JdbcClient jdbc, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Adds a unit under its parent, inheriting the parent's area codes. */
    Unit addUnit(String code, String name, UnitKind kind, String parentCode) {
        Unit parent = directory.unit(parentCode).orElseThrow(() -> new IllegalArgumentException("unknown parent " + parentCode));
        String county = kind == UnitKind.COUNTY ? code : parent.countyCode();
        String township = kind == UnitKind.TOWNSHIP ? code : parent.townshipCode();
        String village = kind == UnitKind.VILLAGE ? code : parent.villageCode();
        jdbc.sql("insert into org_unit (code, name, kind, parent_code, county_code, township_code, village_code) values (?,?,?,?,?,?,?)")
                .params(code, name, kind.name(), parentCode, county, township, village).update();
        return new Unit(code, name, kind, parentCode, county, township, village);
    }

    @Transactional
    void addUser(String username, String displayName, String passwordHash, String unitCode, Set<Role> roles) {
        Unit unit = directory.unit(unitCode).orElseThrow(() -> new IllegalArgumentException("unknown unit " + unitCode));
        for (Role role : roles) {
            if (!role.canBeHeldAt(unit.kind())) {
                throw new IllegalArgumentException(role + " cannot be held at a " + unit.kind());
            }
        }
        jdbc.sql("insert into org_user (username, display_name, password_hash, unit_code) values (?,?,?,?)")
                .params(username, displayName, passwordHash, unitCode).update();
        for (Role role : roles) {
            jdbc.sql("insert into org_user_role (username, role) values (?,?)").params(username, role.key()).update();
        }
    }

    boolean hasUser(String username) {
        return jdbc.sql("select count(*) from org_user where username = ?").param(username).query(Integer.class).single() > 0;
    }
}
