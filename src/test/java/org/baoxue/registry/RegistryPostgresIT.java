package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registry on PostgreSQL: the migrations run there, and an import, its re-import and a jurisdiction-scoped
 * search behave as on H2. Runs where {@code baoxue.pg.url} is set (CI sets it; {@code -Dbaoxue.pg.url=...} locally),
 * and fails rather than skips when the {@code CI} variable is set without it.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${baoxue.pg.url}",
        "spring.datasource.username=${baoxue.pg.user:postgres}",
        "spring.datasource.password=${baoxue.pg.password:}",
        "baoxue.demo-data=true", "baoxue.demo-cases=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
@EnabledIf("postgresConfigured")
class RegistryPostgresIT {

    static boolean postgresConfigured() {
        String url = System.getProperty("baoxue.pg.url");
        return (url != null && !url.isBlank()) || System.getenv("CI") != null;
    }

    @Autowired PupilImport importer;
    @Autowired PupilSearch search;
    @Autowired Pupils pupils;
    @Autowired OrgDirectory org;
    @Autowired JdbcClient jdbc;

    @Test
    void importsReimportsAndSearchesOnPostgres() {
        BaoxueUser teacher = org.user("teacher").orElseThrow();
        String id = TestFiles.idNumber();
        String[] row = TestFiles.row("P" + id, "测试学生", id, "3137001001", "3", "370923101201", "建档立卡、留守儿童");
        byte[] file = TestFiles.csv(Charset.forName("GBK"), TestFiles.HEADER, List.<String[]>of(row));

        PupilImport.Result first = importer.apply(importer.validate(file, "it.csv", teacher, n -> { }),
                PupilImport.Mode.ALL_OR_NOTHING, teacher, n -> { });
        PupilImport.Result again = importer.apply(importer.validate(file, "it.csv", teacher, n -> { }),
                PupilImport.Mode.ALL_OR_NOTHING, teacher, n -> { });

        assertThat(first.inserted()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        Pupil p = pupils.findByStudentNumber(row[0]).orElseThrow();
        assertThat(p.hardships()).containsExactlyInAnyOrder(Hardship.POVERTY_REGISTERED, Hardship.LEFT_BEHIND);
        assertThat(search.search(teacher, id, null, 0).pupils()).extracting(Pupil::id).containsExactly(p.id());
        assertThat(search.search(org.user("teacher3").orElseThrow(), id, null, 0).total()).isZero();
        assertThat(jdbc.sql("select count(*) from pupil_change where pupil_id = ?").param(p.id()).query(Integer.class).single()).isZero();
    }
}
