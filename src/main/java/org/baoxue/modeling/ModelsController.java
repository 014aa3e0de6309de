package org.baoxue.modeling;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The modeler's page: the deployed processes and decisions with their versions, and an upload of BPMN, DMN and
 * Camunda Forms files deployed as one deployment. The upload runs as the signed-in modeler, so the engine's own
 * guards apply exactly as for Camunda Modeler's deploy button: no scripts unless an administrator deploys, no form
 * the task list cannot render, no model the engine cannot parse. A refused upload deploys nothing.
 */
@Controller
@PreAuthorize("hasAnyRole('MODELER', 'ADMIN')")
class ModelsController {

    private static final Logger log = LoggerFactory.getLogger(ModelsController.class);
    private static final Set<String> SUFFIXES = Set.of(".bpmn", ".dmn", ".form");
    private static final long MAX_BYTES = 2_000_000;

    private final RepositoryService repository;
    private final IdentityService identity;
    private final AuditLog audit;

    ModelsController(RepositoryService repository, IdentityService identity, AuditLog audit) {
        this.repository = repository;
        this.identity = identity;
        this.audit = audit;
    }

    @Bean
    static MenuEntry modelsEntry() {
        return new MenuEntry("modeling.menu", "/models", 700, Set.of(Role.MODELER, Role.ADMIN));
    }

    @GetMapping("/models")
    String models(Model model) {
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list();
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion()
                .orderByDecisionDefinitionKey().asc().list();
        List<Deployment> deployments = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 10);
        model.addAttribute("processes", processes);
        model.addAttribute("decisions", decisions);
        model.addAttribute("deployments", deployments);
        return "modeling/models";
    }

    @PostMapping("/models")
    String deploy(@AuthenticationPrincipal BaoxueUser me, @RequestParam("files") List<MultipartFile> files,
                  RedirectAttributes redirect, Locale locale) {
        var builder = repository.createDeployment().name("baoxue-upload-" + me.getUsername()).source("Baoxue")
                .enableDuplicateFiltering(true);
        int count = 0;
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            if (file.isEmpty()) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (SUFFIXES.stream().noneMatch(lower::endsWith) || file.getSize() > MAX_BYTES) {
                redirect.addFlashAttribute("refusedFile", name);
                return "redirect:/models";
            }
            try {
                builder.addInputStream(name, file.getInputStream());
            } catch (IOException e) {
                redirect.addFlashAttribute("refusedFile", name);
                return "redirect:/models";
            }
            count++;
        }
        if (count == 0) {
            redirect.addFlashAttribute("nothing", true);
            return "redirect:/models";
        }
        identity.setAuthentication(me.getUsername(), me.camundaGroups());
        try {
            Deployment deployment = builder.deploy();
            audit.record(me, "models.deploy", "deployment", deployment.getId(), count + " file(s)");
            redirect.addFlashAttribute("deployed", deployment.getId());
        } catch (ProcessEngineException e) {
            // the engine's reason names the file and the element; it contains no personal data
            log.info("Refused a deployment by {}: {}", me.getUsername(), e.getMessage());
            redirect.addFlashAttribute("refusal", e.getMessage());
        } finally {
            identity.clearAuthentication();
        }
        return "redirect:/models";
    }
}
