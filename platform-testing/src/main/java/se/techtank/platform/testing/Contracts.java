package se.techtank.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks JSON documents against the event contracts: the JSON Schemas (draft 2020-12) in the
 * repository's {@code contracts/} folder. Relative {@code $ref}s resolve against the schema file on
 * disk, and {@code format} is asserted (a {@code "format": "uuid"} that is not a UUID is a violation).
 */
public final class Contracts {

    private static final String CONTRACTS = "contracts";
    private static final String CONTRACTS_SEGMENT = "/" + CONTRACTS + "/";
    private static final Pattern PARENT_BLOCK = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern PARENT_ARTIFACT = Pattern.compile("<artifactId>\\s*techtank-parent\\s*</artifactId>");

    private static volatile Path root;

    private Contracts() {}

    /**
     * The repository root: the nearest folder, from the working directory up, whose {@code pom.xml} is
     * the {@code techtank-parent} project and that holds {@code contracts/} (or, while no such folder
     * exists yet, the nearest one with that {@code pom.xml}).
     */
    public static Path root() {
        Path found = root;
        if (found == null) {
            found = findRoot(Path.of("").toAbsolutePath());
            root = found;
        }
        return found;
    }

    static Path findRoot(Path start) {
        Path withoutContracts = null;
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            if (isParentProject(dir.resolve("pom.xml"))) {
                if (Files.isDirectory(dir.resolve(CONTRACTS))) {
                    return dir;
                }
                if (withoutContracts == null) {
                    withoutContracts = dir;
                }
            }
        }
        if (withoutContracts != null) {
            return withoutContracts;
        }
        throw new IllegalStateException("No techtank-parent pom.xml with contracts/ in " + start + " or above");
    }

    private static boolean isParentProject(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String withoutParent = PARENT_BLOCK.matcher(Files.readString(pom)).replaceAll("");
            return PARENT_ARTIFACT.matcher(withoutParent).find();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails with an AssertionError listing every violation if {@code json} does not satisfy the schema.
     *
     * @param schema the schema as the {@code ce_dataschema} header names it, its {@code $id} (e.g. {@code
     *     https://api.techtank.se/contracts/members/company.registered.v1.json}), or its path from the
     *     repository root ({@code contracts/members/company.registered.v1.json})
     */
    public static void assertValid(String schema, String json) {
        assertValid(root().resolve(path(schema)), json);
    }

    /** What a schema's {@code $id} starts with (EventNames.SCHEMA_BASE); the rest is its repository path. */
    public static final String SCHEMA_BASE = "https://api.techtank.se/";

    /** The repository path of a schema named by its {@code $id} or by that path. */
    public static String path(String schema) {
        return schema.startsWith(SCHEMA_BASE) ? schema.substring(SCHEMA_BASE.length()) : schema;
    }

    /** The {@code $id} (as {@code ce_dataschema} carries it) of a schema named by its repository path or id. */
    public static String id(String schema) {
        return schema.startsWith(SCHEMA_BASE) ? schema : SCHEMA_BASE + schema;
    }

    /** As {@link #assertValid(String, String)}, for a schema file anywhere on disk. */
    public static void assertValid(Path schemaFile, String json) {
        List<String> violations = violations(schemaFile, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " violation(s) of " + schemaFile + ":\n  "
                    + String.join("\n  ", violations) + "\nin: " + json);
        }
    }

    /** Every violation of the schema by {@code json}, as "instance location: message"; empty if valid. */
    public static List<String> violations(Path schemaFile, String json) {
        Path file = schemaFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No schema at " + file);
        }
        if (json == null) {
            throw new AssertionError("No JSON to validate against " + file);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .locale(Locale.ENGLISH)
                                .build())
                        .schemas(Contracts::readSchema));
        Schema schema = registry.getSchema(SchemaLocation.of(file.toUri().toString()));
        List<Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("tools.jackson")) {
                throw new AssertionError("Not valid JSON: " + e.getMessage() + "\nin: " + json, e);
            }
            throw e;
        }
        return errors.stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .collect(Collectors.toList());
    }

    /**
     * Loads schemas from disk: {@code file:} IRIs directly, and an IRI with a {@code /contracts/}
     * segment (a schema's {@code $id} such as {@code https://techtank.se/contracts/common/x.json}) from
     * the repository's {@code contracts/} folder. Anything else is left to the library (meta-schemas).
     */
    private static String readSchema(String iri) {
        Path file = null;
        if (iri.startsWith("file:")) {
            file = Path.of(URI.create(stripFragment(iri)));
        } else if (iri.contains(CONTRACTS_SEGMENT) && !iri.startsWith("classpath:")) {
            String relative = stripFragment(iri).substring(iri.lastIndexOf(CONTRACTS_SEGMENT) + 1);
            file = root().resolve(relative);
        }
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read schema " + file, e);
        }
    }

    private static String stripFragment(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }
}
