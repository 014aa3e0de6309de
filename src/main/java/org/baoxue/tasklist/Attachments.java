package org.baoxue.tasklist;

import java.util.Arrays;
import java.util.Optional;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents attached to a case at a task: images (PNG, JPEG) and PDF only, recognised by their first bytes (not
 * by the name or the browser's declared type), and at most {@link #MAX_BYTES}.
 */
@Component
class Attachments {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Why an upload was refused: a message key of the tasklist bundle. */
    static final class Refused extends RuntimeException {
        final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }
    }

    record Stored(long id, String fileName, String contentType, String processInstanceId, String businessKey, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Attachments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The content type the bytes really have, if one we accept: PNG, JPEG or PDF. */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b == null || b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    long store(BaoxueUser user, InboxQueries.Row task, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new Refused("tasklist.attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused("tasklist.attachment.tooLarge");
        }
        String type = sniff(content).orElseThrow(() -> new Refused("tasklist.attachment.badType"));
        String name = clean(fileName, type);
        jdbc.sql("insert into task_attachment (process_instance_id, business_key, task_id, step_name, file_name, content_type, "
                        + "size_bytes, content, uploaded_by) values (?,?,?,?,?,?,?,?,?)")
                .params(task.processInstanceId(), task.businessKey(), task.taskId(), task.stepName(), name, type,
                        content.length, content, user.getUsername())
                .update();
        long id = jdbc.sql("select max(id) from task_attachment where task_id = ? and uploaded_by = ?")
                .params(task.taskId(), user.getUsername()).query(Long.class).single();
        audit.record(user, "attachment.upload", "task", task.taskId(), name);
        return id;
    }

    Optional<Stored> load(long id) {
        return jdbc.sql("select id, file_name, content_type, process_instance_id, business_key, content from task_attachment where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getString("process_instance_id"), rs.getString("business_key"), rs.getBytes("content")))
                .optional();
    }

    /** A safe file name: no path, no control characters, the right extension. */
    static String clean(String fileName, String type) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").trim();
        if (name.isEmpty()) {
            name = "attachment";
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        String ext = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".pdf";
        };
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean ok = Arrays.asList(ext, type.equals("image/jpeg") ? ".jpeg" : ext).stream().anyMatch(lower::endsWith);
        return ok ? name : name + ext;
    }
}
