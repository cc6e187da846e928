package se.techtank.platform.openapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Reference;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Drops the component schemas that nothing in the document refers to, directly or through other schemas.
 * SmallRye adds every {@code @Schema}-annotated class it indexes as a component, used or not (the generic
 * {@code Page}, whose typed variants are what the operations answer), and a code generator emits a class
 * for each.
 *
 * <p>SmallRye's own {@code remove-unused-schemas} runs before the build filters, so it would drop the
 * {@code Problem} schema that {@link ProblemResponsesFilter} refers to afterwards; this filter runs after
 * every other build filter instead (the lowest priority runs last).
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class UnusedSchemasFilter implements OASFilter {

    static final String SCHEMA_REF = "#/components/schemas/";
    private static final String MODEL_PACKAGE = "org.eclipse.microprofile.openapi.models";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null
                || components.getSchemas() == null
                || components.getSchemas().isEmpty()) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        Deque<String> pending = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // Everything but the schemas themselves is where a use starts (collectRefs skips them); a schema
        // only used by an unused schema is unused too.
        collectRefs(openAPI, seen, pending);
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Schema schema = schemas.get(name);
            if (used.add(name) && schema != null) {
                collectRefs(schema, seen, pending);
            }
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!used.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    /** Walks the model through the getters of the MicroProfile model interfaces, collecting schema refs. */
    private static void collectRefs(Object node, Set<Object> seen, Deque<String> into) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectRefs(value, seen, into));
            return;
        }
        if (node instanceof Iterable<?> iterable) {
            iterable.forEach(value -> collectRefs(value, seen, into));
            return;
        }
        if (!(node instanceof Constructible)) {
            return;
        }
        if (node instanceof Reference<?> reference
                && reference.getRef() != null
                && reference.getRef().startsWith(SCHEMA_REF)) {
            into.push(reference.getRef().substring(SCHEMA_REF.length()));
        }
        for (Method getter : modelGetters(node.getClass())) {
            if (node instanceof Components && getter.getName().equals("getSchemas")) {
                continue;
            }
            try {
                collectRefs(getter.invoke(node), seen, into);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + getter + " of the OpenAPI model", e);
            }
        }
    }

    private static List<Method> modelGetters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        for (Class<?> modelInterface : interfaces(type)) {
            if (!modelInterface.getPackageName().startsWith(MODEL_PACKAGE)) {
                continue;
            }
            for (Method method : modelInterface.getMethods()) {
                if (method.getParameterCount() == 0
                        && !Modifier.isStatic(method.getModifiers())
                        && (method.getName().startsWith("get")
                                || method.getName().startsWith("is"))
                        && !method.getReturnType().isPrimitive()) {
                    getters.add(method);
                }
            }
        }
        return getters;
    }

    private static Set<Class<?>> interfaces(Class<?> type) {
        Set<Class<?>> all = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            pending.addAll(List.of(c.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (all.add(next)) {
                pending.addAll(List.of(next.getInterfaces()));
            }
        }
        return all;
    }
}
