package org.baoxue.aid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Duplicate funding the county must look at, computed by queries over all applications (not only the user's
 * jurisdiction: a duplicate in another county is still a duplicate), matching pupils by ID number since a pupil who
 * changed schools has a record at each:
 * OTHER_SCHOOL — the same pupil on another school's list of the same semester;
 * EXCLUSIVE_PROGRAMME — the same pupil in a programme that excludes this one, same semester;
 * ALREADY_PAID — the same pupil already paid by this programme this semester.
 */
@Service
public class Duplicates {

    private static final String ALIVE = "('NOT_RECOMMENDED', 'REJECTED', 'REMOVED')";

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flags by application id, for the applications of one round. */
    public Map<Long, Set<String>> ofRound(long roundId) {
        Map<Long, Set<String>> flags = new LinkedHashMap<>();
        String base = """
                select a.id from aid_application a join pupil p on p.id = a.pupil_id
                where a.round_id = ? and a.status not in %s and exists (
                  select 1 from aid_application b join pupil q on q.id = b.pupil_id
                  where b.id <> a.id and b.semester = a.semester and (q.id = p.id or q.id_number = p.id_number) and %s)
                """;
        add(flags, "OTHER_SCHOOL", base.formatted(ALIVE, "b.school_code <> a.school_code and b.programme = a.programme and b.status not in " + ALIVE), roundId);
        add(flags, "EXCLUSIVE_PROGRAMME", base.formatted(ALIVE, "b.programme <> a.programme and a.programme <> 'FEE_EXEMPTION' "
                + "and b.programme <> 'FEE_EXEMPTION' and b.status not in " + ALIVE), roundId);
        add(flags, "ALREADY_PAID", base.formatted(ALIVE, "b.programme = a.programme and b.status = 'PAID'"), roundId);
        return flags;
    }

    private void add(Map<Long, Set<String>> flags, String kind, String sql, long roundId) {
        List<Long> ids = jdbc.sql(sql).param(roundId).query(Long.class).list();
        ids.forEach(id -> flags.computeIfAbsent(id, k -> new TreeSet<>()).add(kind));
    }
}
