package se.techtank.layering.badservice.domain;

/** A fixture that breaks the layering: a domain type that knows HTTP. */
public class LeakyEntity {

    public jakarta.ws.rs.core.Response toResponse() {
        return jakarta.ws.rs.core.Response.ok().build();
    }
}
