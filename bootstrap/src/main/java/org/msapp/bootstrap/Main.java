package org.msapp.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the service from the environment; SIGTERM and Ctrl-C stop it gracefully. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Application app;
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
            Config.retired(System.getenv()).forEach(LOG::warn);
            if (!LogEncoder.known(System.getenv("LOG_FORMAT"))) LOG.warn("[!] LOG_FORMAT is neither text nor json: the log is text");
            app = Application.start(config, LOG::info);
        } catch (RuntimeException e) {
            LOG.error("[X] the service could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: readiness answers 503, requests still served for {} ms, then those in flight have up to {} ms",
                    config.shutdown().drain().toMillis(), config.shutdown().grace().toMillis());
            app.close();
            LOG.info("stopped");
        }, "shutdown"));
        LOG.info("[✓] HTTP at http://{}:{} (docs at /docs), up in {} ms", config.httpHost(), app.port(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
