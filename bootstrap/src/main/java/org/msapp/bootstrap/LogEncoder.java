package org.msapp.bootstrap;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The log's form, chosen by {@code LOG_FORMAT} in {@code logback.xml}: {@code text} (the default), a
 * line for a person by the pattern given; or {@code json}, one JSON object per line (Logback's own
 * {@link JsonEncoder}) with the time in epoch milliseconds, level, thread, logger, the MDC (the
 * {@code request_id} of the request being served), the key-value pairs (the access log's fields),
 * the formatted message and any exception. Neither the raw message pattern nor its arguments are
 * written: what is logged is what the message says, nothing more. An unknown format is text ({@code Main}
 * warns of it once, in the log itself).
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    static final String TEXT = "text";
    static final String JSON = "json";

    private String format = TEXT;
    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? TEXT : format.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Whether {@code LOG_FORMAT} names a known format: unset or blank (text), {@code text} or {@code json}, in any case. */
    static boolean known(String format) {
        return format == null || format.isBlank() || format.strip().equalsIgnoreCase(TEXT) || format.strip().equalsIgnoreCase(JSON);
    }

    @Override
    public void start() {
        delegate = JSON.equals(format) ? json() : text();
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) delegate.stop();
        super.stop();
    }

    private Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setCharset(StandardCharsets.UTF_8);
        text.setPattern(pattern);
        return text;
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder json = new JsonEncoder();
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithMarkers(false);
        json.setWithFormattedMessage(true);
        return json;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
