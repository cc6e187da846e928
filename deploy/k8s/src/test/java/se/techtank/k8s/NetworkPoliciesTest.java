package se.techtank.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies, evaluated as Kubernetes does (a connection needs the sender's egress and the receiver's
 * ingress; a pod selected by no policy of a direction is open in it): who may talk to whom.
 */
class NetworkPoliciesTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** Somewhere on the internet: an SMTP server, a partner's webhook endpoint. */
    static final String INTERNET = "198.51.100.25";

    record Peer(String namespace, Map<String, String> labels, String ip) {

        static Peer pod(String namespace, Map<String, String> labels) {
            // Pod addresses are private ones, as in every cluster network.
            return new Peer(namespace, labels, "10.244.1.17");
        }

        static Peer external(String ip) {
            return new Peer(null, Map.of(), ip);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_namespace_denies_by_default_and_allows_dns(String overlay) {
        JsonNode deny =
                Rendered.required(overlay, "NetworkPolicy", "default-deny").path("spec");
        assertThat(deny.path("podSelector").size()).as("selects every pod").isZero();
        assertThat(DeploymentsTest.texts(deny.path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress"))
                .as("allows nothing")
                .isFalse();
        Peer dns = Peer.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        for (String service : Rendered.SERVICES) {
            assertThat(egress(overlay, service(overlay, service), dns, 53, "UDP"))
                    .as(service + " DNS")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void only_a_service_reaches_its_database(String overlay) {
        for (String service : Rendered.SERVICES) {
            for (String database : Rendered.SERVICES) {
                Peer db = Peer.pod(namespace(overlay), Map.of("cnpg.io/cluster", database + "-db"));
                assertThat(connects(overlay, service(overlay, service), db, 5432))
                        .as(overlay + ": " + service + "-service to " + database + "-db")
                        .isEqualTo(service.equals(database));
                // Each side on its own, too: the database admits only its service, whatever the others' egress.
                assertThat(ingress(overlay, db, service(overlay, service), 5432))
                        .as(overlay + ": " + database + "-db admits " + service + "-service")
                        .isEqualTo(service.equals(database));
            }
            Peer kafka =
                    Peer.pod(namespace(overlay), Map.of("strimzi.io/cluster", "techtank", "strimzi.io/kind", "Kafka"));
            assertThat(egress(overlay, service(overlay, service), kafka, 9093, "TCP"))
                    .as(service + " to Kafka")
                    .isTrue();
            Peer stranger = Peer.pod(namespace(overlay), Map.of("app", "something-else"));
            assertThat(connects(
                            overlay,
                            stranger,
                            Peer.pod(namespace(overlay), Map.of("cnpg.io/cluster", service + "-db")),
                            5432))
                    .as("another pod to " + service + "-db")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void only_notifications_leaves_the_cluster_for_mail_and_webhooks(String overlay) {
        for (String service : Rendered.SERVICES) {
            boolean notifications = service.equals("notifications");
            for (int port : new int[] {25, 465, 587, 443}) {
                assertThat(egress(overlay, service(overlay, service), Peer.external(INTERNET), port, "TCP"))
                        .as(overlay + ": " + service + "-service to the internet on " + port)
                        .isEqualTo(notifications);
            }
            // Never into private networks, not even notifications-service (webhooks could be aimed there).
            assertThat(egress(overlay, service(overlay, service), Peer.external("192.168.1.10"), 443, "TCP"))
                    .as(service + " to a private address")
                    .isFalse();
        }
    }

    /** Every service fetches the identity provider's keys (JWKS over HTTPS), and only there besides the above. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_service_reaches_the_identity_provider(String overlay) {
        String cidr = Rendered.required(overlay, "NetworkPolicy", "identity-provider-egress")
                .path("spec")
                .path("egress")
                .path(0)
                .path("to")
                .path(0)
                .path("ipBlock")
                .path("cidr")
                .asText();
        String address = cidr.substring(0, cidr.indexOf('/'));
        for (String service : Rendered.SERVICES) {
            assertThat(egress(overlay, service(overlay, service), Peer.external(address), 443, "TCP"))
                    .as(service + " to the identity provider " + cidr)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_api_only_from_the_ingress_controller_and_metrics_only_from_monitoring(String overlay) {
        Peer ingress = Peer.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Peer prometheus = Peer.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Peer neighbour = Peer.pod(namespace(overlay), Map.of("app", "something-else"));
        for (String service : Rendered.SERVICES) {
            Peer pod = service(overlay, service);
            assertThat(ingress(overlay, pod, ingress, 8080))
                    .as(service + " API from the ingress")
                    .isTrue();
            assertThat(ingress(overlay, pod, ingress, 9000))
                    .as(service + " management from the ingress")
                    .isFalse();
            assertThat(ingress(overlay, pod, prometheus, 9000))
                    .as(service + " metrics from monitoring")
                    .isTrue();
            assertThat(ingress(overlay, pod, neighbour, 8080))
                    .as(service + " API from a neighbour")
                    .isFalse();
        }
    }

    @Test
    void the_evaluation_itself_can_deny() {
        // A service reaching another's database would be a hole: the evaluator must see one where there is one.
        assertThat(matches(
                        Map.of("cnpg.io/cluster", "events-db"),
                        Rendered.YAML
                                .createObjectNode()
                                .set(
                                        "matchLabels",
                                        Rendered.YAML.createObjectNode().put("cnpg.io/cluster", "members-db"))))
                .isFalse();
        assertThat(inCidr("10.244.1.17", "0.0.0.0/0")).isTrue();
        assertThat(inCidr("10.244.1.17", "192.168.0.0/16")).isFalse();
    }

    static boolean connects(String overlay, Peer from, Peer to, int port) {
        return egress(overlay, from, to, port, "TCP") && ingress(overlay, to, from, port);
    }

    static boolean egress(String overlay, Peer from, Peer to, int port, String protocol) {
        return allowed(overlay, from, to, port, protocol, "Egress", "egress", "to");
    }

    static boolean ingress(String overlay, Peer to, Peer from, int port) {
        return allowed(overlay, to, from, port, "TCP", "Ingress", "ingress", "from");
    }

    /** Whether the policies selecting {@code pod} in this direction let it talk to {@code other}. */
    private static boolean allowed(
            String overlay,
            Peer pod,
            Peer other,
            int port,
            String protocol,
            String type,
            String rulesField,
            String peersField) {
        if (pod.namespace() == null || !pod.namespace().equals(namespace(overlay))) {
            return true; // outside the namespace: not governed by these policies
        }
        boolean selected = false;
        for (JsonNode policy : Rendered.ofKind(overlay, "NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!DeploymentsTest.texts(spec.path("policyTypes")).contains(type)
                    || !matches(pod.labels(), spec.path("podSelector"))) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path(rulesField)) {
                if (portMatches(rule.path("ports"), port, protocol)
                        && peerMatches(overlay, rule.path(peersField), other)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean portMatches(JsonNode ports, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (p.path("protocol").asText("TCP").equals(protocol)
                    && (!p.has("port") || p.path("port").asInt() == port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(String overlay, JsonNode peers, Peer other) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                JsonNode block = peer.path("ipBlock");
                boolean excluded = false;
                for (JsonNode except : block.path("except")) {
                    excluded |= inCidr(other.ip(), except.asText());
                }
                if (inCidr(other.ip(), block.path("cidr").asText()) && !excluded) {
                    return true;
                }
                continue;
            }
            if (other.namespace() == null) {
                continue; // pod and namespace selectors never match addresses outside the cluster
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(Map.of("kubernetes.io/metadata.name", other.namespace()), peer.path("namespaceSelector"))
                    : other.namespace().equals(namespace(overlay));
            boolean podOk = !peer.has("podSelector") || matches(other.labels(), peer.path("podSelector"));
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(Map<String, String> labels, JsonNode selector) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = DeploymentsTest.texts(expression.path("values"));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address(ip) & mask) == (address(parts[0]) & mask);
    }

    private static long address(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    static String namespace(String overlay) {
        return Rendered.required(overlay, "Deployment", "members-service")
                .path("metadata")
                .path("namespace")
                .asText();
    }

    static Peer service(String overlay, String service) {
        JsonNode labels = Rendered.required(overlay, "Deployment", service + "-service")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels");
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return Peer.pod(namespace(overlay), map);
    }
}
