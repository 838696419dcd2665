package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.domain.user.UserId;
import org.slf4j.LoggerFactory;

/** Nothing the service logs, at any level, holds a password or a password hash. */
class LogSecretsIT {
    private static final String PASSWORD = "Senha@123-secret";
    private static final String NEW_PASSWORD = "Nova#Senha-secret-456";
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previous;
    private Appender<ILoggingEvent> console;
    private TestService service;

    @BeforeEach
    void capture() {
        previous = root.getLevel();
        console = root.getAppender("STDOUT");   // TRACE is for the capture, not for the build's console
        if (console != null) root.detachAppender(console);
        root.setLevel(Level.TRACE);
        logged.start();
        root.addAppender(logged);
        service = TestService.start();
    }

    @AfterEach
    void release() {
        service.close();
        root.detachAppender(logged);
        root.setLevel(previous);
        if (console != null) root.addAppender(console);
    }

    @Test
    void no_log_line_holds_a_password_or_its_hash() throws Exception {
        long id = service.register("carol", PASSWORD);
        String hash = service.persistence.inTransaction(s -> s.users().find(new UserId(id))).orElseThrow().passwordHash().phc();
        service.send("PATCH", "/users/" + id, "{\"full_name\":\"Carol\"}", "Authorization", TestService.basic("carol", PASSWORD));
        service.send("PATCH", "/users/" + id, "{\"full_name\":\"Carol\"}", "Authorization", TestService.basic("carol", "wrong-" + PASSWORD));
        service.send("PUT", "/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}",
                "Authorization", TestService.basic("carol", PASSWORD));
        service.send("POST", "/users", "{\"nick_name\":\"carol\",\"password\":\"" + PASSWORD + "\"}");
        service.send("POST", "/users", "{\"password\":\"" + PASSWORD + "\"");
        var token = service.send("POST", "/auth/token", "{\"nick_name\":\"carol\",\"password\":\"" + NEW_PASSWORD + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        service.send("POST", "/auth/token", "{\"nick_name\":\"carol\",\"password\":\"" + PASSWORD + "\"}");   // 401: changed
        service.cache.fail(true);
        service.get("/users/" + id, "Authorization", TestService.bearer(token.json().get("access_token").asText()));
        service.cache.fail(false);
        Thread.sleep(600);   // lets the outbox relay run and log

        assertThat(logged.list).as("the application's System.Logger reaches SLF4J")
                .anyMatch(e -> e.getFormattedMessage().contains("cache get failed"));
        for (ILoggingEvent event : logged.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain(hash);
        }
    }
}
