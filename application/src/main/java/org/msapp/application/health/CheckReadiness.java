package org.msapp.application.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.msapp.application.port.HealthProbe;

/**
 * Asks each backing service for its state; the service is ready while every critical one is up.
 * The probes run side by side, each bounded by {@code probeTimeout} (one that has not answered by
 * then counts as down). An answer is kept for {@code maxAge}: callers within that time get it as it
 * is, and callers arriving while a check runs wait for that one, so a storm of readiness requests
 * runs the probes about once per {@code maxAge}, whatever its size.
 */
public final class CheckReadiness {
    public record Component(String name, boolean up, boolean critical, String detail) {
    }

    public record Readiness(boolean ready, List<Component> components) {
    }

    public record Settings(Duration maxAge, Duration probeTimeout) {
        /** Kept for a second; a probe has two seconds to answer. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    private record Checked(Readiness readiness, Instant at) {
    }

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "readiness-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final List<HealthProbe> probes;
    private final Clock clock;
    private final Settings settings;
    private Checked last;
    private CompletableFuture<Readiness> running;
    /** A probe that is still at its last check is waited for again, not asked again: one thread per hung probe, not one a second. */
    private final Map<HealthProbe, Future<Component>> unfinished = new ConcurrentHashMap<>();

    public CheckReadiness(List<HealthProbe> probes, Clock clock, Settings settings) {
        this.probes = List.copyOf(probes);
        this.clock = clock;
        this.settings = settings;
    }

    public Readiness handle() {
        CompletableFuture<Readiness> check;
        synchronized (this) {
            if (last != null && fresh(last.at())) return last.readiness();
            if (running != null) {
                check = running;
            } else {
                running = new CompletableFuture<>();
                return runCheck(running);
            }
        }
        return check.join();
    }

    private boolean fresh(Instant at) {
        Instant now = clock.instant();
        return !now.isBefore(at) && now.isBefore(at.plus(settings.maxAge()));
    }

    private Readiness runCheck(CompletableFuture<Readiness> check) {
        Readiness readiness = null;
        try {
            readiness = askAll();
            return readiness;
        } finally {
            synchronized (this) {
                if (readiness != null) last = new Checked(readiness, clock.instant());
                running = null;
            }
            if (readiness != null) check.complete(readiness);
            else check.completeExceptionally(new IllegalStateException("the readiness check failed"));
        }
    }

    private Readiness askAll() {
        List<Future<Component>> asked = new ArrayList<>();
        for (HealthProbe probe : probes) {
            // An answer that came in after the last check gave up on it is taken as this check's: asking
            // again would start one more call on a backend that has just shown it is slow.
            Future<Component> previous = unfinished.remove(probe);
            asked.add(previous != null ? previous : PROBES.submit(() -> ask(probe)));
        }
        long deadline = System.nanoTime() + settings.probeTimeout().toNanos();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) components.add(await(probes.get(i), asked.get(i), deadline));
        return new Readiness(components.stream().allMatch(c -> c.up() || !c.critical()), List.copyOf(components));
    }

    private Component await(HealthProbe probe, Future<Component> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            unfinished.put(probe, answer);
            return new Component(probe.name(), false, probe.critical(),
                    "no answer within " + settings.probeTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Component(probe.name(), false, probe.critical(), "check failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return new Component(probe.name(), false, probe.critical(), "check interrupted");
        }
    }

    private static Component ask(HealthProbe probe) {
        try {
            HealthProbe.Result r = probe.check();
            return new Component(probe.name(), r.up(), probe.critical(), r.detail());
        } catch (RuntimeException e) {
            return new Component(probe.name(), false, probe.critical(), "check failed: " + e.getClass().getSimpleName());
        }
    }
}
