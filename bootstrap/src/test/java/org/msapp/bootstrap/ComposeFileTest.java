package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, docker/haproxy.cfg and docker/Dockerfile, read as files: there is no Docker engine here.
 * The variables compose gives the service are checked against what {@link Config} (and logback.xml) reads.
 */
class ComposeFileTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final List<String> REPLICAS = List.of("api", "api-2", "api-3");
    /** What the shell gives compose: the variables compose.yaml insists on, with values the service accepts. */
    private static final Map<String, String> SHELL = Map.of(
            "AUTH_TOKEN_SECRET", "a secret from the shell, of thirty-two bytes or more",
            "ADMIN_BOOTSTRAP_NICK_NAME", "root", "ADMIN_BOOTSTRAP_PASSWORD", "a long enough password");

    @Test
    void every_variable_compose_gives_the_service_is_one_the_service_reads() {
        Map<String, String> env = environment("api");
        ReadingEnvironment reading = new ReadingEnvironment(env);
        Config.fromEnvironment(reading);
        Set<String> read = new TreeSet<>(reading.read);
        read.addAll(logbackVariables());

        Set<String> unread = new TreeSet<>(env.keySet());
        unread.removeAll(read);
        assertThat(unread).as("variables compose.yaml gives the service that neither Config nor logback.xml reads").isEmpty();
    }

    @Test
    void compose_gives_every_variable_of_the_design_s_configuration() {
        assertThat(environment("api")).containsKeys("HTTP_PORT", "AUTH_TOKEN_SECRET", "ADMIN_BOOTSTRAP_NICK_NAME",
                "ADMIN_BOOTSTRAP_PASSWORD", "TRUSTED_PROXIES", "HOST_DATABASE", "DATABASE_PORT", "DATABASE_NAME",
                "DATABASE_USER", "DATABASE_PASSWORD", "RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USER", "RABBITMQ_PASSWORD",
                "RABBITMQ_VHOST", "CACHE_TYPE", "CACHE_REDIS_HOST", "CACHE_REDIS_PORT", "CACHE_REDIS_DB",
                "CACHE_DEFAULT_TIMEOUT", "PASSWORD_HASH_QUEUE");
    }

    @Test
    void the_service_accepts_the_values_compose_gives_and_uses_the_services_beside_it() {
        Config config = Config.fromEnvironment(environment("api"));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.database().map(d -> d.settings().where())).contains("postgres:5432/baseapplication");
        assertThat(config.rabbitmq().map(r -> r.host())).contains("rabbitmq");
        assertThat(config.redis().map(r -> r.host())).contains("redis");
        assertThat(config.cacheType()).isEqualTo(Config.CacheType.REDIS);
        assertThat(config.authTokenSecret()).isPresent();
        assertThat(config.bootstrapAdmin()).isPresent();
        assertThat(keys(services())).contains("postgres", "rabbitmq", "redis");
    }

    @Test
    void the_service_trusts_the_forwarded_address_from_haproxy_alone() {
        String proxy = (String) at(services(), "haproxy", "networks", "default", "ipv4_address");
        assertThat(environment("api")).containsEntry("TRUSTED_PROXIES", proxy + "/32");
        String subnet = (String) ((Map<?, ?>) ((List<?>) at(compose(), "networks", "default", "ipam", "config")).get(0)).get("subnet");
        assertThat(subnet).isEqualTo(proxy.substring(0, proxy.lastIndexOf('.')) + ".0/24");
    }

    @Test
    void the_three_replicas_share_one_configuration_and_only_the_replicas_profile_starts_two_of_them_and_the_proxy() {
        Map<String, String> first = environment("api");
        assertThat(environment("api-2")).isEqualTo(first);
        assertThat(environment("api-3")).isEqualTo(first);
        assertThat(keys(services().get("api"))).doesNotContain("profiles");
        for (String service : List.of("api-2", "api-3", "haproxy")) {
            assertThat(at(services(), service, "profiles")).as(service).isEqualTo(List.of("replicas"));
        }
    }

    @Test
    void haproxy_runs_the_file_of_the_local_cluster_and_health_checks_every_replica_s_readiness() throws IOException {
        String cfg = Files.readString(DOCKER.resolve("haproxy.cfg"));
        assertThat(cfg).contains("uri /health/ready").contains("expect status 200");
        assertThat(String.valueOf(at(services(), "haproxy", "volumes"))).contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");

        @SuppressWarnings("unchecked")
        Map<String, String> proxyEnvironment = (Map<String, String>) at(services(), "haproxy", "environment");
        Set<String> used = variablesIn(cfg, Pattern.compile("\"\\$\\{([A-Z0-9_]+)}\""));
        assertThat(proxyEnvironment.keySet()).containsExactlyInAnyOrderElementsOf(used);
        for (int n = 1; n <= REPLICAS.size(); n++) {
            String replica = REPLICAS.get(n - 1);
            assertThat(proxyEnvironment).containsEntry("MSAPP_API" + n, replica + ":" + environment(replica).get("HTTP_PORT"));
        }
    }

    @Test
    void the_service_starts_once_each_backing_service_is_healthy() {
        for (String replica : REPLICAS) {
            Map<?, ?> dependsOn = (Map<?, ?>) at(services(), replica, "depends_on");
            assertThat(keys(dependsOn)).as(replica).containsExactlyInAnyOrder("postgres", "rabbitmq", "redis");
            dependsOn.forEach((service, how) -> {
                assertThat(((Map<?, ?>) how).get("condition")).as(replica + " on " + service).isEqualTo("service_healthy");
                assertThat(at(services(), (String) service, "healthcheck", "test")).as(service + "'s healthcheck").isNotNull();
            });
        }
    }

    @Test
    void the_image_builds_with_the_wrapper_and_runs_on_a_jre_21_as_a_user_without_privileges_checking_readiness() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^RUN .*\\./mvnw -B -q -DskipTests package$");
        Matcher runtime = Pattern.compile("(?m)^FROM eclipse-temurin:(\\d+)-jre$").matcher(dockerfile);
        assertThat(runtime.find()).as("a JRE runtime image").isTrue();
        assertThat(Integer.parseInt(runtime.group(1))).isGreaterThanOrEqualTo(21);
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(dockerfile).containsPattern("(?s)HEALTHCHECK .*CMD \\[\"java\", .*\"-cp\", \"/app/ms-application.jar\", \""
                + Pattern.quote(ContainerHealthCheck.class.getName()) + "\"]");
        assertThat(ContainerHealthCheck.TIMEOUT).isLessThan(java.time.Duration.ofSeconds(5));   // within HEALTHCHECK's --timeout
    }

    // ------------------------------------------------------------------ reading the files

    /** The environment compose gives a service, its ${...} replaced as compose does with {@link #SHELL}'s values. */
    private static Map<String, String> environment(String service) {
        Map<?, ?> raw = (Map<?, ?>) at(services(), service, "environment");
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((k, v) -> env.put((String) k, interpolate(String.valueOf(v))));
        return env;
    }

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String given = SHELL.get(m.group(1));
            boolean unset = m.group(2) != null && m.group(2).startsWith(":") ? given == null || given.isEmpty() : given == null;
            String replacement;
            if (!unset || m.group(2) == null) {
                replacement = given == null ? "" : given;
            } else if (m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                throw new AssertionError("compose would stop: " + m.group(1) + " is required (" + m.group(3) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    private static Map<?, ?> compose() {
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<?, ?> services() {
        return (Map<?, ?>) compose().get("services");
    }

    private static Set<String> keys(Object map) {
        Set<String> keys = new TreeSet<>();
        ((Map<?, ?>) map).keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    private static Object at(Map<?, ?> root, String... path) {
        Object node = root;
        for (String key : path) {
            assertThat(node).as(String.join(".", path)).isInstanceOf(Map.class);
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    /** The variables logback.xml reads ({@code ${LOG_LEVEL:-INFO}}): the service's other reader of the environment. */
    private static Set<String> logbackVariables() {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/logback.xml")) {
            assertThat(in).as("logback.xml").isNotNull();
            return variablesIn(new String(in.readAllBytes(), StandardCharsets.UTF_8), Pattern.compile("\\$\\{([A-Z0-9_]+)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> variablesIn(String text, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** An environment that notes each variable the configuration asks for. */
    private static final class ReadingEnvironment extends HashMap<String, String> {
        final Set<String> read = new TreeSet<>();

        ReadingEnvironment(Map<String, String> values) {
            super(values);
        }

        @Override
        public String get(Object key) {
            read.add((String) key);
            return super.get(key);
        }

        @Override
        public String getOrDefault(Object key, String fallback) {
            read.add((String) key);
            return super.getOrDefault(key, fallback);
        }

        @Override
        public boolean containsKey(Object key) {
            read.add((String) key);
            return super.containsKey(key);
        }
    }
}
