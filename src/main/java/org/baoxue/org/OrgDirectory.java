package org.baoxue.org;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the organisation: units, users and their roles. The rest of Baoxue asks here, never the tables. */
@Service
public class OrgDirectory {

    private static final String UNIT_COLUMNS = "code, name, kind, parent_code, county_code, township_code, village_code";

    private final JdbcClient jdbc;

    OrgDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> unit(String code) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from org_unit where code = ?").param(code)
                .query(OrgDirectory::unit).optional();
    }

    public List<Unit> children(String parentCode) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from org_unit where parent_code = ? order by code").param(parentCode)
                .query(OrgDirectory::unit).list();
    }

    /** Units of a kind within a jurisdiction, e.g. the schools a county supervisor oversees. */
    public List<Unit> units(UnitKind kind, Jurisdiction jurisdiction) {
        String scope = switch (jurisdiction.level()) {
            case SCHOOL -> "code = ?";
            default -> jurisdiction.sql("");
        };
        return jdbc.sql("select " + UNIT_COLUMNS + " from org_unit where kind = ? and " + scope + " order by code")
                .param(kind.name()).params(jurisdiction.args()).query(OrgDirectory::unit).list();
    }

    public Optional<BaoxueUser> user(String username) {
        return users("where u.username = ?", username).stream().findFirst();
    }

    public List<BaoxueUser> usersOfUnit(String unitCode) {
        return users("where u.unit_code = ?", unitCode);
    }

    public List<BaoxueUser> allUsers() {
        return users("", null);
    }

    /** The members of a candidate group such as {@code township-official:370923101}, or of a role group such as {@code admin}. */
    public List<BaoxueUser> members(String group) {
        int colon = group.indexOf(':');
        Optional<Role> role = Role.ofKey(colon < 0 ? group : group.substring(0, colon));
        if (role.isEmpty()) {
            return List.of();
        }
        List<BaoxueUser> holders = users("where u.username in (select username from org_user_role where role = ?)", role.get().key());
        if (colon < 0) {
            return holders;
        }
        String routing = group.substring(colon + 1);
        return holders.stream().filter(u -> u.unit().routingCode().equals(routing)).toList();
    }

    private List<BaoxueUser> users(String where, String arg) {
        var statement = jdbc.sql("""
                select u.username, u.display_name, u.password_hash, u.enabled, r.role,
                       o.code, o.name, o.kind, o.parent_code, o.county_code, o.township_code, o.village_code
                from org_user u join org_unit o on o.code = u.unit_code
                left join org_user_role r on r.username = u.username
                """ + where + " order by u.username");
        if (arg != null) {
            statement = statement.param(arg);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        statement.query(rs -> {
            Row row = rows.computeIfAbsent(rs.getString("username"), k -> {
                try {
                    Unit unit = new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                            rs.getString("parent_code"), rs.getString("county_code"), rs.getString("township_code"),
                            rs.getString("village_code"));
                    return new Row(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                            rs.getBoolean("enabled"), unit, EnumSet.noneOf(Role.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String role = rs.getString("role");
            if (role != null) {
                Role.ofKey(role).ifPresent(row.roles()::add);
            }
        });
        return rows.values().stream()
                .map(r -> new BaoxueUser(r.username(), r.displayName(), r.hash(), r.enabled(), r.unit(), r.roles()))
                .toList();
    }

    private record Row(String username, String displayName, String hash, boolean enabled, Unit unit, Set<Role> roles) {
    }

    static Unit unit(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"), rs.getString("county_code"), rs.getString("township_code"),
                rs.getString("village_code"));
    }
}
