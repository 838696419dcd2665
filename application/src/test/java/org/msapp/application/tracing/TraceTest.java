package org.msapp.application.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TraceTest {
    @Test
    void a_bound_trace_is_current_on_its_thread_until_the_binding_closes() {
        Trace trace = new Trace("req-1", null);

        try (Trace.Binding ignored = Trace.bind(trace)) {
            assertThat(Trace.current()).contains(trace);
        }
        assertThat(Trace.current()).isEmpty();
    }

    @Test
    void another_thread_does_not_see_the_trace_bound_here() {
        try (Trace.Binding ignored = Trace.bind(new Trace("req-2", null))) {
            assertThat(CompletableFuture.supplyAsync(Trace::current).join()).isEmpty();
        }
    }

    @Test
    void closing_a_nested_binding_brings_back_the_outer_one() {
        Trace outer = new Trace("outer", null);
        try (Trace.Binding a = Trace.bind(outer)) {
            try (Trace.Binding b = Trace.bind(new Trace("inner", null))) {
                assertThat(Trace.current().orElseThrow().requestId()).isEqualTo("inner");
            }
            assertThat(Trace.current()).contains(outer);
        }
        assertThat(Trace.current()).isEmpty();
    }

    @Test
    void a_request_id_is_one_to_64_characters() {
        assertThat(new Trace("x".repeat(64), null).requestId()).hasSize(64);
        assertThatThrownBy(() -> new Trace("x".repeat(65), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trace(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trace(null, null)).isInstanceOf(NullPointerException.class);
    }
}
