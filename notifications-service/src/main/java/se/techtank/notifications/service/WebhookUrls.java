package se.techtank.notifications.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.notifications.config.WebhookConfig;
import se.techtank.notifications.domain.WebhookUrlNotAllowedException;

/**
 * Which URLs a webhook may POST to: https to a host whose every address is public. Loopback, private (RFC
 * 1918, fc00::/7), link-local and unspecified addresses are refused, so that a subscription cannot make this
 * service reach into its own network. With {@code allow-local-http} (development, tests, the local stack)
 * {@code http://127.0.0.1:<port>} is allowed as well. Checked when a subscription is saved and again before
 * each request (a name may resolve elsewhere later).
 */
@ApplicationScoped
public class WebhookUrls {

    /** Why a host is refused when it does not resolve: at send time a temporary failure, not a refusal. */
    static final String UNRESOLVED = "the host does not resolve";

    private final WebhookConfig config;

    WebhookUrls(WebhookConfig config) {
        this.config = config;
    }

    /** The URL, normalised; throws {@link WebhookUrlNotAllowedException} (422) when it may not be used. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookUrlNotAllowedException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            throw new WebhookUrlNotAllowedException("needs a host (and no user information)");
        }
        if (config.allowLocalHttp() && "127.0.0.1".equals(host) && uri.getPort() > 0) {
            if ("http".equals(scheme) || "https".equals(scheme)) {
                return uri;
            }
        }
        if (!"https".equals(scheme)) {
            throw new WebhookUrlNotAllowedException("must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WebhookUrlNotAllowedException(UNRESOLVED);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new WebhookUrlNotAllowedException(
                        "the host resolves to a loopback, private, link-local or unspecified address");
            }
        }
        return uri;
    }

    /** Whether {@code address} is outside every network this service must not be sent into. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xFE) == 0xFC) {
                return false; // fc00::/7, unique local
            }
            if (isMappedV4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            // 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT) are not public either.
            return first != 0 && !(first == 100 && second >= 64 && second < 128);
        }
        return true;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }
}
