package org.baoxue.org;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * In-app notifications: escalations of overdue tasks, hand-overs. Each is kept per recipient; a later
 * e-mail or SMS channel can read the same rows.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final OrgDirectory directory;

    Notifications(JdbcClient jdbc, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public void notifyUser(String username, String kind, String message, String link) {
        jdbc.sql("insert into notification (username, kind, message, link) values (?,?,?,?)")
                .params(username, kind, message, link).update();
    }

    /** Notifies every member of a candidate group, e.g. the supervisors of a county: {@code supervisor:370923}. */
    public void notifyGroup(String group, String kind, String message, String link) {
        directory.members(group).forEach(u -> notifyUser(u.getUsername(), kind, message, link));
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from notification where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    public List<Notification> recent(String username, int limit) {
        return jdbc.sql("select id, kind, message, link, created_at, read_at from notification where username = ? "
                        + "order by id desc limit " + Math.max(1, Math.min(limit, 200)))
                .param(username)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("message"),
                        rs.getString("link"), rs.getTimestamp("created_at").toLocalDateTime(),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    public void markRead(String username, long id) {
        jdbc.sql("update notification set read_at = current_timestamp where id = ? and username = ? and read_at is null")
                .params(id, username).update();
    }

    public void markAllRead(String username) {
        jdbc.sql("update notification set read_at = current_timestamp where username = ? and read_at is null")
                .param(username).update();
    }

    public record Notification(long id, String kind, String message, String link, LocalDateTime createdAt, boolean read) {
    }
}
