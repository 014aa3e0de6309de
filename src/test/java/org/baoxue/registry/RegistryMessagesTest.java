package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every registry message in Chinese and English, and every key the code and templates name exists. */
class RegistryMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(registry\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"|#\\{(registry\\.[A-Za-z0-9_.]+)");

    @Test
    void bothLanguagesHaveTheSameKeysAllInTheModulesNamespace() throws IOException {
        Properties zh = load("i18n/registry_zh_CN.properties");
        Properties en = load("i18n/registry_en.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("registry."));
        assertThat(load("i18n/registry.properties")).isEmpty();
    }

    @Test
    void everyKeyNamedInCodeOrTemplatesExists() throws IOException {
        Set<String> known = load("i18n/registry_zh_CN.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/org/baoxue/registry")),
                Files.walk(Path.of("src/main/resources/templates/registry")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        named.removeIf(k -> k.endsWith(".")); // prefixes completed at run time, e.g. 'registry.gender.' + code
        assertThat(named).isNotEmpty();
        assertThat(known).containsAll(named);
        for (Hardship h : Hardship.values()) {
            assertThat(known).contains(h.messageKey());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(RegistryMessagesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
