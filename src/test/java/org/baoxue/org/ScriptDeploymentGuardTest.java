package org.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

@BaoxueTest
class ScriptDeploymentGuardTest {

    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void aModelerCannotDeployAScriptTaskAListenerScriptOrAScriptCondition() throws Exception {
        for (String model : List.of("with-script.bpmn", "with-script-listener.bpmn", "with-script-condition.bpmn")) {
            var response = deploy("modeler", model);
            assertThat(response.statusCode()).as(model).isIn(400, 500);
            assertThat(response.body()).as(model).contains("only an administrator may deploy scripts");
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
    }

    @Test
    void aModelerDeploysAModelWithoutScripts() throws Exception {
        var response = deploy("modeler", "plain.bpmn");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("plainGuardTest").count()).isPositive();
    }

    @Test
    void anAdministratorMayDeployAScript() throws Exception {
        assertThat(deploy("admin", "with-script-listener.bpmn").statusCode()).isEqualTo(200);
    }

    @Test
    void theJavaApiIsGuardedTooForAnAuthenticatedNonAdministrator() throws IOException {
        identity.setAuthentication("modeler", List.of("modeler", "modeler:370900"));
        byte[] bytes = new ClassPathResource("org/with-script.bpmn").getContentAsByteArray();
        assertThatThrownBy(() -> repository.createDeployment().addInputStream("with-script.bpmn",
                new java.io.ByteArrayInputStream(bytes)).deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("only an administrator may deploy scripts");
    }

    @Test
    void dmnInAScriptLanguageIsFoundToo() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="dec" name="dec"><decisionTable id="t">
                    <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="javascript"><text>a</text></inputExpression></input>
                    <output id="o" name="o" typeRef="string"/>
                  </decisionTable></decision>
                </definitions>""";
        assertThat(ScriptDeploymentGuard.findScript("x.dmn", dmn.getBytes(StandardCharsets.UTF_8))).isPresent();
        assertThat(ScriptDeploymentGuard.findScript("x.dmn", dmn.replace("javascript", "feel").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private HttpResponse<String> deploy(String user, String model) throws IOException, InterruptedException {
        String boundary = "----baoxue" + UUID.randomUUID();
        byte[] file = new ClassPathResource("org/" + model).getContentAsByteArray();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + model + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + model + "\"; filename=\"" + model + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), file, tail.getBytes(StandardCharsets.UTF_8));
        String auth = Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
