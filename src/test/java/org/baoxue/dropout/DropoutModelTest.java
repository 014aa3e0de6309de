package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * The conventions of the model itself, checked on the file a modeler edits: every user task has a Chinese name, a
 * form in forms/, candidate groups computed from the case's units, a working-day due date and an escalation timer
 * with the same duration; every element has a shape in the diagram; the process has a history time to live.
 */
class DropoutModelTest {

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/dropout-intervention.bpmn"));

    @Test
    void everyUserTaskFollowsTheConventions() throws Exception {
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).hasSize(19);
        ObjectMapper json = new ObjectMapper();
        for (UserTask t : tasks) {
            assertThat(t.getName()).as(t.getId()).containsPattern(CJK);
            assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
            Path form = Path.of("forms", t.getCamundaFormRef() + ".form");
            assertThat(form).as(t.getId()).exists();
            JsonNode f = json.readTree(Files.readString(form));
            assertThat(f.get("id").asText()).isEqualTo(t.getCamundaFormRef());
            assertThat(t.getCamundaCandidateGroups()).as(t.getId()).contains(":${").doesNotContainPattern("\\d{6}");
            assertThat(t.getCamundaDueDate()).as(t.getId()).matches("\\$\\{\\w+} working days");
            BoundaryEvent escalation = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == t).findFirst().orElseThrow();
            assertThat(escalation.cancelActivity()).isFalse();
            TimerEventDefinition timer = (TimerEventDefinition) escalation.getEventDefinitions().iterator().next();
            assertThat(timer.getTimeDuration().getTextContent()).isEqualTo(t.getCamundaDueDate());
        }
    }

    @Test
    void theDiagramShowsEveryElementAndTheProcessKeepsHistoryForTenYears() {
        Process process = model.getModelElementById("dropout-intervention");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as("shape").contains(n.getId()));
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges).as("edge").contains(f.getId()));
    }

    @Test
    void everyDropoutFormIsAChineseCamundaForm() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        try (var files = Files.list(Path.of("forms"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("dropout-")).toList()) {
                JsonNode f = json.readTree(Files.readString(p));
                assertThat(f.get("schemaVersion").asInt()).isEqualTo(16);
                assertThat(f.get("type").asText()).isEqualTo("default");
                assertThat(ids.add(f.get("id").asText())).as("unique id").isTrue();
                for (JsonNode c : f.get("components")) {
                    if (c.has("key")) {
                        String label = c.has("label") ? c.get("label").asText() : c.path("dateLabel").asText();
                        assertThat(label).as(p + " " + c.get("key")).containsPattern(CJK);
                    }
                }
            }
        }
        assertThat(ids).hasSize(15);
    }
}
