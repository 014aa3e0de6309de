package org.baoxue.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baoxue.BaoxueTest;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.RepositoryService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@BaoxueTest
class ModelsPageTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory directory;
    @Autowired RepositoryService repository;

    @Test
    void aModelerDeploysAModelAndSeesItListed() throws Exception {
        String bpmn = new String(new ClassPathResource("org/plain.bpmn").getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("plainGuardTest", "modelsPageTest");
        var modeler = directory.user("modeler").orElseThrow();
        mvc.perform(multipart("/models").file(new MockMultipartFile("files", "models-page.bpmn", "application/xml", bpmn.getBytes()))
                        .with(user(modeler)).with(csrf()))
                .andExpect(flash().attributeExists("deployed"));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("modelsPageTest").count()).isEqualTo(1);
        mvc.perform(get("/models").with(user(modeler)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("modelsPageTest")));
    }

    @Test
    void aModelWithAScriptIsRefusedForAModelerAndNothingIsDeployed() throws Exception {
        byte[] script = new ClassPathResource("org/with-script.bpmn").getContentAsByteArray();
        long before = repository.createDeploymentQuery().count();
        mvc.perform(multipart("/models").file(new MockMultipartFile("files", "with-script.bpmn", "application/xml", script))
                        .with(user(directory.user("modeler").orElseThrow())).with(csrf()))
                .andExpect(flash().attribute("refusal", Matchers.containsString("only an administrator may deploy scripts")));
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void otherFilesAreRefusedAndOfficialsHaveNoModelsPage() throws Exception {
        mvc.perform(multipart("/models").file(new MockMultipartFile("files", "notes.txt", "text/plain", "hello".getBytes()))
                        .with(user(directory.user("modeler").orElseThrow())).with(csrf()))
                .andExpect(flash().attribute("refusedFile", "notes.txt"));
        mvc.perform(get("/models").with(user(directory.user("teacher").orElseThrow()))).andExpect(status().isForbidden());
    }
}
