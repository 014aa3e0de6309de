package org.baoxue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules of DESIGN.md: no module reaches into another's internals (non-public types or sub-packages), there
 * are no cycles, and dependencies point down — the ground floor (org, calendar, registry) knows nothing above it,
 * the case modules do not know each other, and the task list and modeling never import a case module.
 */
class ModuleStructureTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "org", Set.of(),
            "calendar", Set.of("org"),
            "registry", Set.of("org", "calendar"),
            "documents", Set.of("org", "calendar", "registry"),
            "tasklist", Set.of("org", "calendar", "registry"),
            "dropout", Set.of("org", "calendar", "registry", "tasklist", "documents"),
            "aid", Set.of("org", "calendar", "registry", "tasklist", "documents"),
            "monitor", Set.of("org", "calendar", "registry", "tasklist"),
            "modeling", Set.of("org", "calendar", "tasklist"));

    private final ApplicationModules modules = ApplicationModules.of(BaoxueApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublicFaceAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void dependenciesPointDown() {
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(ALLOWED).as("module %s is not in DESIGN.md", name).containsKey(name);
            Set<String> targets = module.getDirectDependencies(modules).stream()
                    .map(ApplicationModuleDependency::getTargetModule)
                    .map(m -> m.getIdentifier().toString())
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(ALLOWED.get(name)).as("what %s may depend on", name).containsAll(targets);
        }
    }
}
