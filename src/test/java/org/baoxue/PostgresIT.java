package org.baoxue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real PostgreSQL, as in production: Flyway applies every migration, Camunda creates its schema,
 * the first administrator comes from the environment. Runs when {@code baoxue.pg.url} is set (CI sets it); with
 * {@code CI} set and no database reachable it fails instead of skipping.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresIT {

    static final String URL = System.getProperty("baoxue.pg.url", "");
    static final String USER = System.getProperty("baoxue.pg.user", "postgres");

    @BeforeAll
    static void needsPostgres() {
        boolean ci = System.getenv("CI") != null;
        if (URL.isBlank()) {
            if (ci) {
                throw new AssertionError("CI is set but baoxue.pg.url is not: the PostgreSQL suite must run in CI");
            }
            assumeTrue(false, "PostgreSQL suite skipped: set -Dbaoxue.pg.url=jdbc:postgresql://... to run it");
        }
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            assertThat(c.isValid(2)).isTrue();
        } catch (SQLException e) {
            if (ci) {
                throw new AssertionError("CI is set but PostgreSQL is not reachable at " + URL, e);
            }
            assumeTrue(false, "PostgreSQL not reachable at " + URL);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "unused-trust-auth");
        registry.add("baoxue.first-admin.username", () -> "pgadmin");
        registry.add("baoxue.first-admin.password", () -> "First-Admin-2026");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void flywayAppliedEveryMigrationOnPostgres() {
        List<Boolean> success = jdbc.queryForList("select success from flyway_schema_history where version is not null", Boolean.class);
        assertThat(success).isNotEmpty().allMatch(Boolean.TRUE::equals);
        assertThat(jdbc.queryForObject("select count(*) from org_unit where kind = 'COUNTY'", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void camundaRunsOnTheSameDatabaseAndTheFirstAdministratorExists() {
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from org_user_role where username = 'pgadmin' and role = 'admin'", Integer.class)).isEqualTo(1);
        // the database may be shared with other PostgreSQL suites that load demo data: check the loaders instead
        assertThat(context.containsBean("demoOrganisation")).as("no demo organisation in production").isFalse();
        assertThat(context.containsBean("demoPupils")).as("no demo pupils in production").isFalse();
    }
}
