package se.techtank.platform.openapi;

/** Example problems for the API documents, one per operation-specific problem several operations share. */
public final class ProblemExamples {

    /** A 429 (RateLimiter): the same answer wherever a limit applies. */
    public static final String RATE_LIMITED = """
            {"type": "https://api.techtank.se/problems/rate-limited", "title": "Too many requests", "status": 429,
             "detail": "Too many requests from your address; try again in 1800 s."}
            """;

    private ProblemExamples() {}
}
