package se.techtank.notifications.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.notifications.domain.InvalidUnsubscribeTokenException;
import se.techtank.notifications.service.OptOuts;

/**
 * The unsubscribe link of optional mails. One-click (RFC 8058): a mail client POSTs to it; a person who
 * opens it in a browser (GET) gets a page with a button, because link scanners open links too and a GET must
 * not turn anything off.
 */
@Path("/api/v1/unsubscribe")
@Tag(name = "Unsubscribe", description = "Turning optional mails off from the link in a mail")
public class UnsubscribeResource {

    private final OptOuts optOuts;

    UnsubscribeResource(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @POST
    @PermitAll
    // Anonymous by design: an empty requirement list tells clients to send no token.
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeFromNotifications",
            summary = "Unsubscribe",
            description = "Anonymous, with the signed token of an optional mail's link (`List-Unsubscribe`):"
                    + " turns that kind of mail off for that person. Again changes nothing.")
    @APIResponse(responseCode = "204", description = "Turned off")
    @APIResponse(
            responseCode = "400",
            description = "The token is malformed or not signed by this service (`invalid-unsubscribe-token`)")
    public Response unsubscribe(
            @Parameter(description = "The token of the mail's unsubscribe link", required = true) @QueryParam("token")
                    String token) {
        optOuts.unsubscribe(token);
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    // Anonymous by design: an empty requirement list tells clients to send no token.
    @SecurityRequirements
    @Operation(
            operationId = "getUnsubscribePage",
            summary = "The unsubscribe page",
            description = "What the link opens in a browser: a page with one button that POSTs the same link."
                    + " Nothing is turned off by opening it.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "The token is malformed or not signed by this service")
    public Response page(@QueryParam("token") String token) {
        if (!optOuts.valid(token)) {
            throw new InvalidUnsubscribeTokenException();
        }
        String html = """
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="UTF-8"><title>Avregistrera / Unsubscribe</title></head>
                <body style="font-family:Arial,Helvetica,sans-serif;max-width:32em;margin:3em auto;">
                <h1>Techtank</h1>
                <p>Vill du inte längre få den här sortens e-post? / No longer want this kind of e-mail?</p>
                <form method="post"><input type="hidden" name="token" value="%s">
                <button type="submit">Avregistrera / Unsubscribe</button></form>
                </body></html>
                """.formatted(token);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
