package org.baoxue.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.baoxue.org.BaoxueUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Uploads being checked or imported, kept in memory under a random id that is bound to the uploading user:
 * another user asking for the same id is told there is none. Reading, checking and writing run on a small pool of
 * the registry's own, so a large file never holds a request thread; the page polls {@link Job#state()} and
 * {@link Job#progress()}. Previews expire after {@link ImportLimits#previewMinutes()}.
 */
@Component
class ImportJobs {

    enum State { CHECKING, REFUSED, PREVIEW, IMPORTING, DONE }

    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String fileName;
        final Instant created = Instant.now();
        final AtomicInteger progress = new AtomicInteger();
        volatile State state = State.CHECKING;
        volatile PupilImport.Preview preview;
        volatile PupilImport.Result result;
        volatile ImportRefused refusal;
        volatile int total;

        Job(String owner, String fileName) {
            this.owner = owner;
            this.fileName = fileName;
        }

        public String id() {
            return id;
        }

        public State state() {
            return state;
        }

        public int progress() {
            return progress.get();
        }

        public int total() {
            return total;
        }

        public String fileName() {
            return fileName;
        }

        public PupilImport.Preview preview() {
            return preview;
        }

        public PupilImport.Result result() {
            return result;
        }

        public ImportRefused refusal() {
            return refusal;
        }

        /** 0-100 for the progress bar. */
        public int percent() {
            return total <= 0 ? 0 : Math.min(100, (int) (100L * progress.get() / total));
        }

        public boolean finished() {
            return state == State.REFUSED || state == State.PREVIEW || state == State.DONE;
        }
    }

    static final int KEPT_PER_USER = 3;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "registry-import");
        t.setDaemon(true);
        return t;
    });
    private final PupilImport importer;
    private final ImportLimits limits;

    ImportJobs(PupilImport importer, ImportLimits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    /** Starts checking an upload in the background; the bytes are dropped once parsed. */
    Job check(byte[] bytes, String fileName, BaoxueUser user) {
        Job job = new Job(user.getUsername(), fileName);
        job.total = 0;
        forgetOldJobsOf(user.getUsername());
        jobs.put(job.id, job);
        pool.submit(() -> {
            try {
                job.preview = importer.validate(bytes, fileName, user, job.progress::set);
                job.total = job.preview.rows().size();
                job.progress.set(job.total);
                job.state = State.PREVIEW;
            } catch (ImportRefused e) {
                job.refusal = e;
                job.state = State.REFUSED;
            } catch (RuntimeException e) {
                log.error("Checking upload {} failed: {}", job.id, causes(e));
                job.refusal = new ImportRefused("registry.import.refused.unreadable");
                job.state = State.REFUSED;
            }
        });
        return job;
    }

    /** Starts writing a checked upload; false if it is not (or no longer) waiting in preview. */
    synchronized boolean confirm(Job job, PupilImport.Mode mode, BaoxueUser user) {
        if (job.state != State.PREVIEW) {
            return false;
        }
        job.state = State.IMPORTING;
        job.refusal = null;
        job.total = (int) (mode == PupilImport.Mode.VALID_ONLY ? job.preview.valid() : job.preview.rows().size());
        job.progress.set(0);
        pool.submit(() -> {
            try {
                job.result = importer.apply(job.preview, mode, user, job.progress::set);
                job.preview = null;
                job.state = State.DONE;
            } catch (ImportRefused e) {
                job.refusal = e;
                job.state = State.PREVIEW;
            } catch (RuntimeException e) {
                log.error("Import {} failed: {}", job.id, causes(e));
                job.refusal = new ImportRefused("registry.import.refused.failed");
                job.state = State.PREVIEW;
            }
        });
        return true;
    }

    /** Keeps a user's last {@value #KEPT_PER_USER} finished uploads, so previews cannot pile up in memory. */
    private void forgetOldJobsOf(String owner) {
        List<Job> finished = jobs.values().stream().filter(j -> j.owner.equals(owner) && j.finished())
                .sorted(Comparator.comparing((Job j) -> j.created).reversed()).toList();
        finished.stream().skip(KEPT_PER_USER - 1).forEach(j -> jobs.remove(j.id, j));
    }

    /**
     * The exception classes only: a database error's message can quote the row it refused (an ID number, a name),
     * which must not reach the application log.
     */
    static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                sb.append(" at ").append(trace[0]);
            }
        }
        return sb.toString();
    }

    /** The job, if it exists and belongs to this user. */
    Optional<Job> find(String id, BaoxueUser user) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.owner.equals(user.getUsername()));
    }

    void discard(Job job) {
        jobs.remove(job.id, job);
    }

    @Scheduled(fixedDelay = 300_000)
    void expire() {
        Instant limit = Instant.now().minus(Duration.ofMinutes(limits.previewMinutes()));
        jobs.values().removeIf(j -> j.created.isBefore(limit) && j.state != State.IMPORTING && j.state != State.CHECKING);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
