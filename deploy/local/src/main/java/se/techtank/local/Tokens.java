package se.techtank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import se.techtank.platform.testing.TestTokens;

/** Ready-made bearer tokens in {@code .local/tokens/<role>.jwt}, signed with the local development key. */
final class Tokens {

    static final Duration LIFETIME = Duration.ofDays(30);
    static final String PARTNER_ID = "iuc-syd";
    static final String MUNICIPALITY_CODE = "1082"; // Karlshamn

    private final Path dir;

    Tokens(Path dir) {
        this.dir = dir;
    }

    Path staff() throws IOException {
        return write("staff", "staff@techtank.local", Map.of());
    }

    Path member(String companyId) throws IOException {
        return write("member", "member-" + companyId, Map.of(TestTokens.COMPANY_ID_CLAIM, companyId));
    }

    Path municipality() throws IOException {
        return write(
                "municipality",
                "municipality-" + MUNICIPALITY_CODE,
                Map.of(TestTokens.MUNICIPALITY_CODE_CLAIM, MUNICIPALITY_CODE));
    }

    Path partner() throws IOException {
        return write("partner", "partner-" + PARTNER_ID, Map.of(TestTokens.PARTNER_ID_CLAIM, PARTNER_ID));
    }

    Path file(String role) {
        return dir.resolve(role + ".jwt");
    }

    private Path write(String role, String subject, Map<String, Object> claims) throws IOException {
        String token = TestTokens.mint(
                TestTokens.ISSUER, subject, Set.of(role), claims, LIFETIME, TestTokens.localDevPrivateKey());
        Files.createDirectories(dir);
        Path file = file(role);
        Files.writeString(file, token + "\n");
        return file;
    }
}
