package org.msapp.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the adapters side by side at start-up, each on a thread of its own (each mostly waits on its
 * service or loads its library's classes), and hands them over in the order asked for, so that the
 * start-up lines read as if they were made one by one. When one fails, every other is still awaited
 * and handed to {@code onAbandoned}, so that what it opened is closed with the rest.
 */
final class SideBySide implements AutoCloseable {
    private final ExecutorService threads;
    private final Map<CompletableFuture<? extends Adapter<?>>, Boolean> taken = new LinkedHashMap<>();
    private final Consumer<Adapter<?>> onAbandoned;

    SideBySide(Consumer<Adapter<?>> onAbandoned) {
        this.onAbandoned = onAbandoned;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "start-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Begins making an adapter now. */
    <T> CompletableFuture<Adapter<T>> begin(Supplier<Adapter<T>> factory) {
        CompletableFuture<Adapter<T>> making = CompletableFuture.supplyAsync(factory, threads);
        taken.put(making, false);
        return making;
    }

    /** Runs {@code task} beside the rest, for what may be done ahead of its need; its failure is its own. */
    void beside(Runnable task) {
        threads.execute(task);
    }

    /**
     * The adapter, once made. When it failed, the others are awaited and abandoned, and the failure is
     * thrown as the factory threw it.
     */
    <T> Adapter<T> take(CompletableFuture<Adapter<T>> making) {
        try {
            Adapter<T> adapter = making.join();
            taken.put(making, true);
            return adapter;
        } catch (CompletionException e) {
            taken.put(making, true);
            abandonTheRest();
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private void abandonTheRest() {
        taken.forEach((making, done) -> {
            if (done) return;
            try {
                onAbandoned.accept(making.join());
            } catch (CompletionException ignored) {
                // that one failed too; the first failure is the one reported
            }
        });
        taken.replaceAll((making, done) -> true);
    }

    /** Stops the threads once their tasks are done; nothing waits for them. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
