package org.baoxue.org;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audit trail: who did or viewed what, when, from which unit. Written in the caller's transaction. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(BaoxueUser user, String action, String targetType, String targetId, String detail) {
        jdbc.sql("insert into audit_log (username, unit_code, action, target_type, target_id, detail) values (?,?,?,?,?,?)")
                .params(user.getUsername(), user.unit().code(), action, targetType, targetId, truncate(detail))
                .update();
    }

    public List<Entry> forTarget(String targetType, String targetId) {
        return jdbc.sql("select occurred_at, username, unit_code, action, target_type, target_id, detail from audit_log "
                        + "where target_type = ? and target_id = ? order by id")
                .params(targetType, targetId)
                .query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("username"),
                        rs.getString("unit_code"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("detail")))
                .list();
    }

    public record Entry(LocalDateTime at, String username, String unitCode, String action, String targetType,
                        String targetId, String detail) {
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
