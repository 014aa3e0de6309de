package org.baoxue.org;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a deployment that carries a script — a script task, a script listener or mapping, a script condition,
 * a DMN expression in a script language — unless an administrator deploys it. It runs before any deployer, so it
 * holds for every way a model arrives: the REST API, Cockpit, Camunda Modeler or Baoxue's own upload. A deployment
 * without an authenticated user is the server's own start-up deployment of {@code processes/}.
 */
class ScriptDeploymentGuard implements Deployer {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private final String adminGroup;

    ScriptDeploymentGuard(String adminGroup) {
        this.adminGroup = adminGroup;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Authentication authentication = Context.getCommandContext().getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        if (authentication.getGroupIds() != null && authentication.getGroupIds().contains(adminGroup)) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            findScript(resource.getName(), resource.getBytes()).ifPresent(where -> {
                throw new ProcessEngineException("Deployment refused: " + resource.getName() + " contains a script ("
                        + where + "); only an administrator may deploy scripts");
            });
        }
    }

    /** Where the first script of a model is, if it has one. */
    static Optional<String> findScript(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bpmn = lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
        boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
        if (!bpmn && !dmn || bytes == null) {
            return Optional.empty();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if (bpmn && element.equals("scriptTask")) {
                    return Optional.of("script task");
                }
                if (bpmn && element.equals("script") && CAMUNDA_NS.equals(xml.getNamespaceURI())) {
                    return Optional.of("camunda:script");
                }
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    String attribute = xml.getAttributeLocalName(i);
                    String value = xml.getAttributeValue(i);
                    if (bpmn && attribute.equals("language") && !element.equals("definitions")) {
                        return Optional.of(element + " in " + value);
                    }
                    if (dmn && attribute.equals("expressionLanguage") && !isFeelOrJuel(value)) {
                        return Optional.of(element + " in " + value);
                    }
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.empty(); // not well-formed: the engine's own parser reports it with a better message
        }
    }

    private static boolean isFeelOrJuel(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.contains("feel") || l.equals("juel");
    }
}
