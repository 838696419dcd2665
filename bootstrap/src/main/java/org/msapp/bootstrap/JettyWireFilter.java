package org.msapp.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps Jetty's wire dumps out of every log. Below INFO, Jetty writes the bytes it reads and writes:
 * header fields (Basic credentials, bearer tokens) and buffers (bodies with their passwords). Whatever
 * level Jetty is given, such a line is dropped; the rest of its DEBUG output stays. Installed by
 * {@code logback.xml}.
 */
public final class JettyWireFilter extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || level == null || level.isGreaterOrEqual(Level.INFO) || !level.isGreaterOrEqual(logger.getEffectiveLevel())
                || !logger.getName().startsWith("org.eclipse.jetty")) {
            return FilterReply.NEUTRAL;   // format is null when a caller only asks whether the level is enabled; below the
        }                                 // logger's level the line is dropped anyway, so it is not formatted here
        String line = MessageFormatter.arrayFormat(format, params).getMessage();
        boolean wire = line.contains("<<<") || line.toLowerCase(Locale.ROOT).contains("authorization");   // a buffer, a header
        return wire ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
