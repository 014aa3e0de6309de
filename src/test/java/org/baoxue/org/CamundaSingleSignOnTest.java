package org.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.baoxue.BaoxueTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real server: Baoxue's sign-in carries into Camunda's webapps and REST API, and out again. */
@BaoxueTest
class CamundaSingleSignOnTest {

    private static final String PASSWORD = DemoOrganisation.DEMO_PASSWORD;

    @LocalServerPort int port;

    @Test
    void anAdministratorSignedInToBaoxueOpensCockpitWithoutASecondLogin() throws Exception {
        WebClient browser = new WebClient(port);
        assertThat(browser.signIn("admin", PASSWORD).headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");

        var cockpit = browser.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");

        var who = browser.getJson("/camunda/api/admin/auth/user/default");
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"admin\"").contains("cockpit").contains("admin");

        // Camunda's webapp API answers with the engine behind it, as the same user
        var processes = browser.getJson("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(processes.statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficialGetsCamundasTasklistButNotCockpitOrAdmin() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("teacher", PASSWORD);
        browser.get("/camunda/app/tasklist/default/");
        var who = browser.getJson("/camunda/api/admin/auth/user/default");
        assertThat(who.body()).contains("\"userId\":\"teacher\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutOfBaoxueSignsOutOfCamundaToo() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("admin", PASSWORD);
        browser.get("/camunda/app/cockpit/default/");
        assertThat(browser.getJson("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        String token = WebClient.csrfToken(browser.get("/").body());
        var out = browser.post("/logout", Map.of("_csrf", token));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        // Camunda answers "no user signed in to this engine" with 404
        assertThat(browser.getJson("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void camundasOwnSignOutButtonEndsTheBaoxueSessionToo() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("admin", PASSWORD);
        browser.get("/camunda/app/cockpit/default/"); // Camunda sets its CSRF cookie here
        String camundaCsrf = browser.cookie("XSRF-TOKEN");
        assertThat(camundaCsrf).isNotNull();
        var out = browser.postJson("/camunda/api/admin/auth/user/default/logout", "{}", Map.of("X-XSRF-TOKEN", camundaCsrf));
        assertThat(out.statusCode()).isIn(200, 204, 302);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aCamundaWebappPostWithoutItsCsrfTokenIsRefused() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("admin", PASSWORD);
        var refused = browser.postJson("/camunda/api/engine/engine/default/process-definition/count", "{}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void theRestApiNeedsCredentialsAndAppliesTheCallersAuthorizations() throws Exception {
        WebClient machine = new WebClient(port);
        assertThat(machine.getJson("/engine-rest/process-definition/count").statusCode()).isEqualTo(401);
        assertThat(machine.basic("/engine-rest/process-definition/count", "admin", "wrong").statusCode()).isEqualTo(401);

        var asModeler = machine.basic("/engine-rest/deployment/count", "modeler", PASSWORD);
        assertThat(asModeler.statusCode()).isEqualTo(200);
        // a supervisor has no grants in Camunda: the engine shows them nothing rather than everything
        var asSupervisor = machine.basic("/engine-rest/deployment/count", "supervisor", PASSWORD);
        assertThat(asSupervisor.statusCode()).isEqualTo(200);
        assertThat(asSupervisor.body()).contains("\"count\":0");
        var asAdmin = machine.basic("/engine-rest/authorization/count", "admin", PASSWORD);
        assertThat(asAdmin.body()).doesNotContain("\"count\":0");
    }

    @Test
    void aBrowserSessionDoesNotAuthoriseTheRestApi() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("admin", PASSWORD);
        assertThat(browser.getJson("/engine-rest/process-definition/count").statusCode()).isEqualTo(401);
    }

    @Test
    void errorsShowAFriendlyPageWithoutInternals() throws Exception {
        WebClient browser = new WebClient(port);
        browser.signIn("teacher", PASSWORD);
        var missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到").doesNotContain("Exception").doesNotContain("at org.");
        var forbidden = browser.get("/actuator/prometheus");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("Exception");
    }
}
