package se.techtank.platform.admission;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.interceptor.InvocationContext;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.ServiceBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interceptor behind {@link Admitted}: gates by name, by key, with their settings. */
class AdmissionInterceptorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AdmissionInterceptor interceptor = new AdmissionInterceptor(new AdmissionGates(
            new SmallRyeConfigBuilder()
                    .withDefaultValue("techtank.admission.search.concurrency", "1")
                    .withDefaultValue("techtank.admission.search.max-wait", "PT0.2S")
                    .withDefaultValue("techtank.admission.registration.concurrency", "1")
                    .build(),
            registry,
            Duration.ofMillis(200)));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
    }

    @Admitted("search")
    static class Searches {
        String search(String text) {
            return text;
        }

        @Admitted("registration")
        String register(@AdmissionKey String meeting, String person) {
            return person;
        }
    }

    @Test
    void a_call_waits_for_its_turn_at_the_gate_named_and_is_refused_when_the_wait_is_too_long() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> call(
                "search",
                () -> {
                    holding.countDown();
                    release.await();
                    return "first";
                },
                "a"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> call("search", () -> "never", "b"))
                .isInstanceOf(ServiceBusyException.class)
                .hasMessageContaining("search");
        assertThat(registry.get("admission_wait").tag("gate", "search").timer().count())
                .isEqualTo(2);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(call("search", () -> "then", "c")).isEqualTo("then");
    }

    @Test
    void keyed_calls_take_turns_with_calls_for_the_same_key_only() throws Exception {
        String busy = "meeting-1";
        String other = "meeting-2";
        assertThat(Math.floorMod(busy.hashCode(), AdmissionGates.STRIPES))
                .isNotEqualTo(Math.floorMod(other.hashCode(), AdmissionGates.STRIPES));
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> call(
                "register",
                () -> {
                    holding.countDown();
                    release.await();
                    return "first";
                },
                busy,
                "anna"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(call("register", () -> "not held up", other, "bo")).isEqualTo("not held up");
        assertThatThrownBy(() -> call("register", () -> "never", busy, "cecilia"))
                .isInstanceOf(ServiceBusyException.class);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void a_method_with_two_keys_is_a_programming_error() throws Exception {
        class TwoKeys {
            @Admitted("x")
            void both(@AdmissionKey String a, @AdmissionKey String b) {}
        }
        Method method = TwoKeys.class.getDeclaredMethod("both", String.class, String.class);
        assertThatThrownBy(() -> AdmissionInterceptor.Turn.of(method))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one @AdmissionKey");
    }

    /** Calls {@link Searches}' method through the interceptor, {@code work} standing for its body. */
    private Object call(String name, Callable<Object> work, Object... parameters) {
        try {
            Method method = name.equals("search")
                    ? Searches.class.getDeclaredMethod("search", String.class)
                    : Searches.class.getDeclaredMethod("register", String.class, String.class);
            return interceptor.admit(new Invocation(method, parameters, work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Invocation(Method method, Object[] parameters, Callable<Object> body) implements InvocationContext {

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return parameters;
        }

        @Override
        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }

        @Override
        public Object proceed() throws Exception {
            return body.call();
        }
    }
}
