package org.baoxue.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baoxue.org.BaoxueUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Search of the pupils a user's jurisdiction covers: by name (prefix), full student number or ID number, and school.
 * The jurisdiction condition is part of the query (one indexed equality), never a filter after it.
 */
@Service
public class PupilSearch {

    record Page(List<Pupil> pupils, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    static final int PAGE_SIZE = 20;

    private final JdbcTemplate jdbc;
    private final Pupils pupils;

    PupilSearch(JdbcTemplate jdbc, Pupils pupils) {
        this.jdbc = jdbc;
        this.pupils = pupils;
    }

    /** The first page of pupils the user's jurisdiction covers that match a name, student number or ID number. */
    public List<Pupil> find(BaoxueUser user, String query) {
        return search(user, query, null, 0).pupils();
    }

    Page search(BaoxueUser user, String query, String schoolCode, int page) {
        List<Object> args = new ArrayList<>();
        String where = where(user, query, schoolCode, args);
        long total = jdbc.queryForObject("select count(*) from pupil p where " + where, Long.class, args.toArray());
        int p = Math.max(0, page);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(PAGE_SIZE);
        pageArgs.add((long) p * PAGE_SIZE);
        List<Pupil> list = jdbc.query("select " + Pupils.COLUMNS + " from pupil p join org_unit s on s.code = p.school_code where "
                + where + " order by p.school_code, p.grade, p.class_name, p.name, p.id limit ? offset ?", pupils::row, pageArgs.toArray());
        return new Page(list, p, PAGE_SIZE, total);
    }

    /** Streams every pupil the user's jurisdiction covers (for the export), in the list's order. */
    void each(BaoxueUser user, String query, String schoolCode, RowCallbackHandler handler) {
        List<Object> args = new ArrayList<>();
        String where = where(user, query, schoolCode, args);
        jdbc.query("select " + Pupils.COLUMNS + " from pupil p join org_unit s on s.code = p.school_code where "
                + where + " order by p.school_code, p.grade, p.class_name, p.name, p.id", handler, args.toArray());
    }

    private static String where(BaoxueUser user, String query, String schoolCode, List<Object> args) {
        StringBuilder where = new StringBuilder(user.jurisdiction().sql("p"));
        args.addAll(user.jurisdiction().args());
        if (schoolCode != null && !schoolCode.isBlank()) {
            where.append(" and p.school_code = ?");
            args.add(schoolCode.strip());
        }
        if (query != null && !query.isBlank()) {
            String q = query.strip();
            where.append(" and (p.name like ? escape '\\' or p.student_number = ? or p.id_number = ?)");
            args.add(q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add(q.toUpperCase(Locale.ROOT));
            args.add(q.toUpperCase(Locale.ROOT));
        }
        return where.toString();
    }
}
