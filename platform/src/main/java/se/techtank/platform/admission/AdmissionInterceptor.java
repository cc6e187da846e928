package se.techtank.platform.admission;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs an {@link Admitted} method once it is the call's turn at its gate. Its priority puts it outside
 * {@code @Transactional} (whose interceptor has {@code PLATFORM_BEFORE + 200}), so a waiting call holds no
 * transaction and no connection.
 */
@Admitted("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AdmissionInterceptor {

    private final AdmissionGates gates;
    private final Map<Method, Turn> turns = new ConcurrentHashMap<>();

    AdmissionInterceptor(AdmissionGates gates) {
        this.gates = gates;
    }

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        Turn turn = turns.computeIfAbsent(invocation.getMethod(), Turn::of);
        AdmissionGate gate = turn.keyIndex() < 0
                ? gates.gate(turn.gate())
                : gates.gate(turn.gate(), invocation.getParameters()[turn.keyIndex()]);
        return gate.callChecked(invocation::proceed);
    }

    /** Where a method takes its turn: the gate's name and the position of its key parameter (-1: none). */
    record Turn(String gate, int keyIndex) {

        static Turn of(Method method) {
            Admitted admitted = method.getAnnotation(Admitted.class);
            if (admitted == null) {
                admitted = method.getDeclaringClass().getAnnotation(Admitted.class);
            }
            if (admitted == null || admitted.value().isBlank()) {
                throw new IllegalStateException(method + " is admitted without a gate name");
            }
            Parameter[] parameters = method.getParameters();
            int key = -1;
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isAnnotationPresent(AdmissionKey.class)) {
                    if (key >= 0) {
                        throw new IllegalStateException(method + " has more than one @AdmissionKey");
                    }
                    key = i;
                }
            }
            return new Turn(admitted.value(), key);
        }
    }
}
