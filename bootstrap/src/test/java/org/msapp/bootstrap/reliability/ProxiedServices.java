package org.msapp.bootstrap.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.adapters.rabbitmq.Topology;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.redis.TestRedis;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.bootstrap.Application;
import org.msapp.bootstrap.Config;

/**
 * The fault-injection harness: the local PostgreSQL, RabbitMQ and Redis, each behind a {@link TcpProxy}
 * that a test cuts, slows or resets, and the service started on them through the proxies, as often as a
 * test needs: in this JVM ({@link #start}), or as the runnable jar in a process of its own
 * ({@link #startJar}) where a crash must be real. Every instance gets the same database (one of this
 * harness's own), the same Redis key prefix and the same token secret, as instances behind one load
 * balancer do; a queue of the harness's is bound to every event they publish. Without one of the three servers the test fails under CI, and is skipped elsewhere,
 * with the command that starts it.
 */
final class ProxiedServices implements AutoCloseable {
    static final String SECRET = "the reliability suite's key, well over thirty-two bytes long";
    private static final Path JAR = Path.of("target", "ms-application.jar");

    final TestDatabase db;
    final TcpProxy postgres;
    final TcpProxy rabbitmq;
    final TcpProxy redis;
    final String cachePrefix = TestRedis.prefix();
    /** A queue bound to every event the service publishes, as a consumer's would be. */
    final TestBroker.Queue events;
    private final List<AutoCloseable> started = new ArrayList<>();

    ProxiedServices(String purpose) {
        TestDatabase.requireServer();
        TestBroker.requireServer();
        TestRedis.requireServer();
        db = TestDatabase.named(purpose);
        PostgresSettings direct = db.settings();
        postgres = TcpProxy.to(direct.host(), direct.port());
        rabbitmq = TcpProxy.to(TestBroker.SERVER.host(), TestBroker.SERVER.port());
        redis = TcpProxy.to(TestRedis.HOST, TestRedis.PORT);
        events = TestBroker.bind(Topology.EXCHANGE, "#", false);
    }

    /** The environment of an instance on the three proxies, on {@code port}, plus {@code more} name, value pairs. */
    Map<String, String> env(int port, String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("AUTH_TOKEN_SECRET", SECRET);
        env.put("HOST_DATABASE", "127.0.0.1");
        env.put("DATABASE_PORT", Integer.toString(postgres.port()));
        env.put("DATABASE_NAME", db.settings().database());
        env.put("RABBITMQ_HOST", "127.0.0.1");
        env.put("RABBITMQ_PORT", Integer.toString(rabbitmq.port()));
        env.put("CACHE_REDIS_HOST", "127.0.0.1");
        env.put("CACHE_REDIS_PORT", Integer.toString(redis.port()));
        env.put("CACHE_KEY_PREFIX", cachePrefix);
        env.put("SHUTDOWN_DRAIN", "0");
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    /** An instance in this JVM, started as {@code Main} starts one (what it reports is dropped). */
    Instance start(String... more) {
        Application app = Application.start(Config.fromEnvironment(env(0, more)), line -> { });
        started.add(app);
        return new Instance(new ApiClient(app.port()), app::close, null);
    }

    /**
     * An instance as a process of its own, the runnable jar that {@code package} built, on the JVM
     * running the tests; returns once it is ready. Its output goes to {@code target/<name>.log}.
     */
    Instance startJar(String name, String... more) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR + " is missing: the package phase builds it");
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "@jvm.options", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env(port, more));
        Process process = builder.start();
        Instance instance = new Instance(new ApiClient(port), () -> {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
        }, process);
        started.add(instance);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!process.isAlive()) throw new IllegalStateException(name + " stopped; its log: " + Files.readString(log));
            try {
                if (instance.client().get("/health/live").status() == 200) return instance;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException(name + " not up in 30 s; its log: " + Files.readString(log));
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Mends every proxy: forwarding at full speed. */
    void restoreAll() {
        postgres.restore();
        rabbitmq.restore();
        redis.restore();
    }

    /** Stops the instances (newest first), then closes the rest; each is closed even when one before it fails. */
    @Override
    public void close() throws Exception {
        restoreAll();
        AutoCloseable keys = () -> TestRedis.deleteKeys(cachePrefix);
        AutoCloseable instances = () -> {
            for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
        };
        try (db; keys; postgres; rabbitmq; redis; events; instances) {
            // closed in the reverse order
        }
    }

    /** One instance of the service: its client, and how it stops (gracefully); a process may be killed. */
    record Instance(ApiClient client, AutoCloseable stopper, Process process) implements AutoCloseable {
        /** SIGTERM, as an orchestrator stops a container: the process stops gracefully, on its own time. */
        void terminate() {
            process.destroy();
        }

        /** SIGKILL: the process ends at once, with nothing flushed or closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws Exception {
            if (process == null || process.isAlive()) stopper.close();
        }
    }
}
