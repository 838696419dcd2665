package org.msapp.adapters.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** What a logger (and those below it) logs while the capture is open, at {@code level} and above. */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger;
    private final Level previous;

    private LogCapture(String name, Level level) {
        logger = (Logger) LoggerFactory.getLogger(name);
        previous = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture(loggerName, level);
    }

    /** Everything logged so far (the appender takes events under its own lock, from the server's threads too). */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /**
     * The first event that matches, waiting up to 5 seconds for it: Jetty writes an access line once the
     * answer is complete, which may be a moment after the client has read it.
     */
    public ILoggingEvent await(String what, Predicate<ILoggingEvent> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Optional<ILoggingEvent> found = events().stream().filter(matching).findFirst();
            if (found.isPresent()) return found.get();
            if (System.nanoTime() > deadline) throw new AssertionError("no log line " + what + " among " + lines());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a log line " + what);
            }
        }
    }

    /** Each event as {@code LEVEL logger [request id] message}. */
    public List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " [" + e.getMDCPropertyMap().get("request_id")
                + "] " + e.getFormattedMessage()).toList();
    }

    /** Each event whole, as a scan for secrets reads it: logger, MDC, key-value pairs, message, and the stack trace of its exception. */
    public List<String> wholeLines() {
        return events().stream().map(LogCapture::whole).toList();
    }

    /** An event whole: logger, MDC, key-value pairs, message, and the stack trace of its exception. */
    public static String whole(ILoggingEvent e) {
        return e.getLoggerName() + " " + e.getMDCPropertyMap() + " " + e.getKeyValuePairs() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
