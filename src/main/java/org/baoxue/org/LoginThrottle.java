package org.baoxue.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins of one account within {@code window},
 * the account is refused — even with the right password — until the window has passed.
 */
@Component
class LoginThrottle {

    @ConfigurationProperties("baoxue.login")
    record Settings(Integer maxFailures, Duration window) {
        Settings {
            maxFailures = maxFailures == null ? 5 : maxFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Minutes until the account may try again, or 0 when it may try now. */
    long blockedMinutes(String username) {
        Deque<Instant> recent = recent(key(username));
        if (recent.size() < settings.maxFailures()) {
            return 0;
        }
        Instant unblocked = recent.peekFirst().plus(settings.window());
        return Math.max(1, Duration.between(clock.instant(), unblocked).toMinutes() + 1);
    }

    void failed(String username) {
        Deque<Instant> recent = recent(key(username));
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > settings.maxFailures()) {
                recent.removeFirst();
            }
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private Deque<Instant> recent(String key) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant horizon = clock.instant().minus(settings.window());
            while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
                recent.removeFirst();
            }
        }
        return recent;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
