package org.baoxue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message exists in Chinese and in English, in every bundle. */
class MessagesTest {

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] chinese = resolver.getResources("file:src/main/resources/**/*_zh_CN.properties");
        assertThat(chinese).isNotEmpty();
        for (Resource zh : chinese) {
            String path = zh.getURL().toString();
            Resource en = resolver.getResource(path.replace("_zh_CN.properties", "_en.properties"));
            assertThat(en.exists()).as("English bundle beside " + path).isTrue();
            Set<String> zhKeys = keys(zh);
            Set<String> enKeys = keys(en);
            Set<String> onlyChinese = new TreeSet<>(zhKeys);
            onlyChinese.removeAll(enKeys);
            Set<String> onlyEnglish = new TreeSet<>(enKeys);
            onlyEnglish.removeAll(zhKeys);
            assertThat(onlyChinese).as("keys missing in English, " + path).isEmpty();
            assertThat(onlyEnglish).as("keys missing in Chinese, " + path).isEmpty();
        }
    }

    private static Set<String> keys(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().forEach(keys::add);
        return keys;
    }
}
