package org.baoxue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context the Spring tests share (a context costs seconds to start: every test class that
 * uses this annotation, and nothing else, gets the same cached one). It runs a real server on a random port, so the
 * same context serves MockMvc tests, HTTP tests of Camunda's webapps and REST API, and the browser suite.
 * In-memory H2, demo organisation and pupils, job executor off: tests execute jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
public @interface BaoxueTest {
}
