package se.techtank.platform.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Who may call each JAX-RS resource method, read from the annotations in the Jandex index and keyed by
 * HTTP method and path as the OpenAPI document spells them ({@code GET /api/v1/companies/{id}}). The
 * document itself cannot tell: a resource class declares its security requirement once, for anonymous
 * and role-restricted methods alike.
 */
final class ResourceAccess {

    /** How a resource method is guarded. */
    enum Guard {
        /** {@code @PermitAll}, or no security annotation at all. */
        ANYONE,
        /** {@code @Authenticated}: any valid token. */
        AUTHENTICATED,
        /** {@code @RolesAllowed}: some callers are refused with 403. */
        ROLES
    }

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final List<String> HTTP_METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private static final DotName REVALIDATABLE = DotName.createSimple("se.techtank.platform.http.Revalidatable");

    private final Map<String, Guard> guards;
    private final Set<String> revalidatable;

    private ResourceAccess(Map<String, Guard> guards, Set<String> revalidatable) {
        this.guards = guards;
        this.revalidatable = revalidatable;
    }

    static ResourceAccess none() {
        return new ResourceAccess(Map.of(), Set.of());
    }

    static ResourceAccess of(IndexView index) {
        Map<String, Guard> guards = new HashMap<>();
        Set<String> revalidatable = new java.util.HashSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            Guard classGuard = guard(
                    resource.declaredAnnotation(PERMIT_ALL),
                    resource.declaredAnnotation(ROLES_ALLOWED),
                    resource.declaredAnnotation(AUTHENTICATED),
                    Guard.ANYONE);
            for (MethodInfo method : resource.methods()) {
                for (String httpMethod : HTTP_METHODS) {
                    if (method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs." + httpMethod)) == null) {
                        continue;
                    }
                    AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                    String full = normalise(path.value().asString() + "/"
                            + (methodPath == null ? "" : methodPath.value().asString()));
                    if (method.declaredAnnotation(REVALIDATABLE) != null) {
                        revalidatable.add(httpMethod + " " + full);
                    }
                    guards.put(
                            httpMethod + " " + full,
                            guard(
                                    method.declaredAnnotation(PERMIT_ALL),
                                    method.declaredAnnotation(ROLES_ALLOWED),
                                    method.declaredAnnotation(AUTHENTICATED),
                                    classGuard));
                }
            }
        }
        return new ResourceAccess(Map.copyOf(guards), Set.copyOf(revalidatable));
    }

    /** The guard of an operation, or null when no resource method in the index serves it. */
    Guard guard(String httpMethod, String path) {
        return guards.get(httpMethod.toUpperCase(java.util.Locale.ROOT) + " " + normalise(path));
    }

    /** Whether the operation answers {@code If-None-Match} (its method is {@code @Revalidatable}). */
    boolean revalidatable(String httpMethod, String path) {
        return revalidatable.contains(httpMethod.toUpperCase(java.util.Locale.ROOT) + " " + normalise(path));
    }

    Set<String> operations() {
        return guards.keySet();
    }

    private static Guard guard(
            AnnotationInstance permitAll, AnnotationInstance rolesAllowed, AnnotationInstance authenticated, Guard or) {
        if (permitAll != null) {
            return Guard.ANYONE;
        }
        if (rolesAllowed != null) {
            return Guard.ROLES;
        }
        if (authenticated != null) {
            return Guard.AUTHENTICATED;
        }
        return or;
    }

    /** {@code api/v1//companies/{id: [0-9a-f-]+}/} → {@code /api/v1/companies/{id}}. */
    static String normalise(String path) {
        String withoutPatterns = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        String collapsed = ("/" + withoutPatterns).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}
