package org.baoxue.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Imports 100,000 CSV rows through the real import service (check + write, as the page does) into PostgreSQL,
 * and compares with PostgreSQL's own {@code COPY} of the same file into a staging table, in the same run; three
 * runs, medians reported. Not part of the normal build (surefire excludes *Benchmark). Run it with:
 * <pre>
 * createdb -h 127.0.0.1 -U postgres baoxue_registry_bench   # once
 * ./mvnw -o test -Dtest=RegistryImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbaoxue.bench.url=jdbc:postgresql://...} picks another database.) It needs its own application context
 * on PostgreSQL, which is why it does not use the shared H2 test context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${baoxue.bench.url:jdbc:postgresql://127.0.0.1:5432/baoxue_registry_bench}",
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "baoxue.demo-data=true", "baoxue.demo-cases=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
class RegistryImportBenchmark {

    static final int ROWS = Integer.getInteger("baoxue.bench.rows", 100_000);
    static final int RUNS = Integer.getInteger("baoxue.bench.runs", 3);
    static final String[] SCHOOLS = {"3137001001", "3137001003", "3137001002"};
    static final String[] VILLAGES = {"370923101201", "370923101202", "370923102201", "370923102202"};
    static final String[] HARDSHIPS = {"", "", "", "建档立卡", "低保", "建档立卡、留守儿童", "留守儿童", "", "孤儿、事实无人抚养", "残疾"};

    @Autowired PupilImport importer;
    @Autowired OrgDirectory org;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void importVersusCopy() throws Exception {
        BaoxueUser officer = org.user("countyedu").orElseThrow();
        jdbc.execute("create table if not exists registry_bench_staging (student_number text, name text, id_number text, "
                + "school_code text, grade text, class_name text, boarding text, village_code text, guardian_name text, "
                + "guardian_relation text, guardian_phone text, hardships text)");
        String prefix = "B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        long offset = jdbc.queryForObject("select count(*) from pupil", Long.class);
        cleanUp("B%"); // what an interrupted earlier run left behind
        List<double[]> results = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String runPrefix = prefix + run;
            byte[] csv = csv(runPrefix, offset + (long) run * ROWS);
            Path file = Files.write(Files.createTempFile("registry-bench", ".csv"), csv);

            long t0 = System.nanoTime();
            PupilImport.Preview preview = importer.validate(csv, "bench.csv", officer, n -> { });
            double checkSeconds = (System.nanoTime() - t0) / 1e9;
            PupilImport.Result result = importer.apply(preview, PupilImport.Mode.ALL_OR_NOTHING, officer, n -> { });
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (result.inserted() != ROWS) {
                throw new AssertionError("expected " + ROWS + " inserted, got " + result);
            }

            long t1 = System.nanoTime();
            PupilImport.Result again = importer.apply(importer.validate(csv, "bench.csv", officer, n -> { }),
                    PupilImport.Mode.ALL_OR_NOTHING, officer, n -> { });
            double reimportSeconds = (System.nanoTime() - t1) / 1e9;
            if (again.unchanged() != ROWS) {
                throw new AssertionError("re-import changed something: " + again);
            }

            jdbc.execute("truncate registry_bench_staging");
            long t2 = System.nanoTime();
            long copied = copy(Files.readAllBytes(file));
            double copySeconds = (System.nanoTime() - t2) / 1e9;
            if (copied != ROWS) {
                throw new AssertionError("COPY loaded " + copied);
            }
            Files.delete(file);
            double[] r = {ROWS / importSeconds, ROWS / copySeconds, ROWS / reimportSeconds};
            results.add(r);
            System.out.printf(Locale.ROOT, "run %d: import %.0f rows/s (%.2f s, of which checking %.2f s), COPY %.0f rows/s (%.2f s), re-import (no change) %.0f rows/s (%.2f s)%n",
                    run + 1, r[0], importSeconds, checkSeconds, r[1], copySeconds, r[2], reimportSeconds);
            cleanUp(runPrefix);
        }
        double importRate = median(results, 0);
        double copyRate = median(results, 1);
        double reimportRate = median(results, 2);
        String report = String.format(Locale.ROOT,
                "RegistryImportBenchmark, %d rows, median of %d runs on PostgreSQL: import %.0f rows/s, COPY %.0f rows/s, "
                        + "ratio COPY/import %.1fx (import reaches %.1f%% of COPY); re-import of the unchanged file %.0f rows/s",
                ROWS, RUNS, importRate, copyRate, copyRate / importRate, 100 * importRate / copyRate, reimportRate);
        System.out.println(report);
        Files.writeString(Path.of("target", "registry-import-benchmark.txt"), report + System.lineSeparator());
    }

    /** 100,000 valid, fictional rows over the county's three demo schools and four villages. */
    private static byte[] csv(String prefix, long offset) {
        StringBuilder sb = new StringBuilder(ROWS * 130);
        sb.append(String.join(",", TestFiles.HEADER)).append('\n');
        LocalDate base = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            long k = offset + i;
            String first17 = "370923" + base.plusDays(k / 1000).format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", k % 1000);
            String id = first17 + IdNumbers.checkDigit(first17);
            String school = SCHOOLS[i % SCHOOLS.length];
            int grade = school.equals("3137001002") ? 7 + i % 3 : 1 + i % 6;
            sb.append(prefix).append(i).append(',').append("学生").append(i % 997).append(',').append(id).append(',')
                    .append(school).append(',').append(grade).append(',').append(grade).append("年级").append(1 + i % 4).append("班,")
                    .append(i % 3 == 0 ? "是" : "否").append(',').append(VILLAGES[i % VILLAGES.length]).append(',')
                    .append("家长").append(i % 991).append(',').append(i % 2 == 0 ? "父亲" : "母亲").append(',')
                    .append(13_800_000_000L + i).append(',').append(HARDSHIPS[i % HARDSHIPS.length]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The driver's COPY FROM STDIN (called reflectively: the driver is a runtime dependency only). */
    private long copy(byte[] csv) throws Exception {
        try (Connection con = dataSource.getConnection(); InputStream in = new ByteArrayInputStream(csv)) {
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
            Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(con.unwrap(pgConnection));
            return (Long) copyApi.getClass().getMethod("copyIn", String.class, InputStream.class).invoke(copyApi,
                    "COPY registry_bench_staging FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", in);
        }
    }

    private void cleanUp(String prefix) {
        String like = prefix + "%";
        String pupils = "select id from pupil where student_number like ?";
        jdbc.update("delete from household_hardship where household_id in (select household_id from pupil where student_number like ?)", like);
        jdbc.update("delete from guardian where pupil_id in (" + pupils + ")", like);
        jdbc.update("delete from enrolment where pupil_id in (" + pupils + ")", like);
        jdbc.update("delete from pupil_change where pupil_id in (" + pupils + ")", like);
        jdbc.update("with d as (delete from pupil where student_number like ? returning household_id) "
                + "delete from household where id in (select household_id from d)", like);
        // every run starts from the same state: no dead rows of the previous one, fresh statistics
        jdbc.execute("vacuum analyze pupil, household, household_hardship, guardian, enrolment, pupil_change");
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

}
