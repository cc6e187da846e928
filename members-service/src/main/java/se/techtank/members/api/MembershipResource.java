package se.techtank.members.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.members.service.MembershipService;
import se.techtank.platform.security.Roles;

/**
 * A company's membership and the staff commands that move it: {@code APPLIED → ACTIVE ⇄ SUSPENDED →
 * TERMINATED}, {@code APPLIED → REJECTED}. A command the current state does not allow answers 409
 * (type {@code illegal-membership-transition}) naming the current state.
 */
@Path("/api/v1/companies/{id}/membership")
@Tag(name = "Membership", description = "Applying for membership and the membership lifecycle")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Unknown company, or not visible to the caller")
public class MembershipResource {

    private final MembershipService memberships;

    MembershipResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getMembership",
            summary = "Read a company's membership",
            description = "Staff any, a member its own, a municipality those in it.")
    @APIResponse(
            responseCode = "200",
            description = "The membership",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    public MembershipResponse get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return MembershipResponse.of(memberships.membershipOf(id));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "getMembershipHistory",
            summary = "The membership's history",
            description = "Every change, oldest first: who, when, from, to and why.")
    @APIResponse(
            responseCode = "200",
            description = "The changes",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = MembershipResponse.Transition.class)))
    public List<MembershipResponse.Transition> history(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return memberships.history(id).stream()
                .map(MembershipResponse.Transition::of)
                .toList();
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "approveMembership",
            summary = "Approve an application",
            description = "APPLIED → ACTIVE from the start date to the end of that calendar year; the fee tier "
                    + "follows the size class (the number of employees must be known: 409 "
                    + "`membership-size-unknown` otherwise). Publishes `membership-activated`.")
    @APIResponse(
            responseCode = "200",
            description = "Active",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not in APPLIED, or size unknown")
    public MembershipResponse approve(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid MembershipCommands.Approve request) {
        return MembershipResponse.of(memberships.approve(id, request == null ? null : request.startDate()));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "rejectMembership",
            summary = "Reject an application",
            description = "APPLIED → REJECTED. Publishes `membership-rejected`.")
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not in APPLIED")
    @APIResponse(responseCode = "422", description = "No reason")
    public MembershipResponse reject(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MembershipCommands.Reason request) {
        return MembershipResponse.of(memberships.reject(id, request.reason()));
    }

    @POST
    @Path("/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "suspendMembership",
            summary = "Suspend a membership",
            description = "ACTIVE → SUSPENDED. Publishes `membership-suspended`.")
    @APIResponse(
            responseCode = "200",
            description = "Suspended",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not ACTIVE")
    @APIResponse(responseCode = "422", description = "No reason")
    public MembershipResponse suspend(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MembershipCommands.Reason request) {
        return MembershipResponse.of(memberships.suspend(id, request.reason()));
    }

    @POST
    @Path("/resume")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "resumeMembership",
            summary = "Resume a suspended membership",
            description =
                    "SUSPENDED → ACTIVE while its paid year lasts; a lapsed one is renewed instead. Publishes `membership-activated`.")
    @APIResponse(
            responseCode = "200",
            description = "Active again",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not SUSPENDED, or its year has ended")
    public MembershipResponse resume(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return MembershipResponse.of(memberships.resume(id));
    }

    @POST
    @Path("/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "terminateMembership",
            summary = "Terminate a membership",
            description = "ACTIVE or SUSPENDED → TERMINATED at the end date. Publishes `membership-terminated`.")
    @APIResponse(
            responseCode = "200",
            description = "Terminated",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not ACTIVE or SUSPENDED")
    @APIResponse(responseCode = "422", description = "No reason")
    public MembershipResponse terminate(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MembershipCommands.Terminate request) {
        return MembershipResponse.of(memberships.terminate(id, request.reason(), request.endDate()));
    }

    @POST
    @Path("/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "renewMembership",
            summary = "Renew a membership for a year",
            description = "Extends an ACTIVE or SUSPENDED membership to the end of the year; a suspended one becomes "
                    + "ACTIVE (`membership-activated`), an active one stays so (`updated`).")
    @APIResponse(
            responseCode = "200",
            description = "Renewed",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "409", description = "Not ACTIVE or SUSPENDED")
    @APIResponse(responseCode = "422", description = "No or invalid year")
    public MembershipResponse renew(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MembershipCommands.Renew request) {
        return MembershipResponse.of(memberships.renew(id, request.year()));
    }
}
