/**
 * Quickstart: the typed client against the local stack.
 *
 *   npm run example
 *
 * Environment: MEMBERS_URL (default http://127.0.0.1:8081), EVENTS_URL
 * (default http://127.0.0.1:8082), STAFF_TOKEN (default: the file
 * .local/tokens/staff.jwt of the repository).
 *
 * 1. lists the published meetings, anonymously;
 * 2. registers for the first one open for registration with seats left, anonymously,
 *    and cancels that with the secret cancellation link;
 * 3. registers a company, as staff, and follows its Location header;
 * 4. reads it back and updates it with If-Match: <ETag>.
 *
 * Every call gives `{ data, error, response }`; `ok()` returns `data` or throws a
 * ProblemError carrying the RFC 9457 problem of the error answer.
 */
import { randomInt, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEventsClient, createMembersClient, ok, ProblemError, type members } from "../src/index.js";

const MEMBERS_URL = process.env.MEMBERS_URL ?? "http://127.0.0.1:8081";
const EVENTS_URL = process.env.EVENTS_URL ?? "http://127.0.0.1:8082";

type UpdateCompanyRequest = members.components["schemas"]["UpdateCompanyRequest"];

/** Fails the example with a message when `condition` is false. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Unexpected answer: ${message}`);
  }
}

/** A random Swedish organisationsnummer of an aktiebolag, NNNNNN-NNNN with its Luhn check digit. */
function randomOrganisationNumber(): string {
  // 5: aktiebolag; the third digit is at least 2 for a legal entity.
  const nine = `5${randomInt(0, 10)}${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    let digit = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  }
  const checkDigit = (10 - (sum % 10)) % 10;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${checkDigit}`;
}

/** STAFF_TOKEN, or .local/tokens/staff.jwt in the repository this example lives in. */
function staffToken(): string {
  if (process.env.STAFF_TOKEN?.trim()) {
    return process.env.STAFF_TOKEN.trim();
  }
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, ".local/tokens/staff.jwt");
    if (existsSync(file)) {
      return readFileSync(file, "utf8").trim();
    }
  }
  throw new Error("No staff token: set STAFF_TOKEN or create .local/tokens/staff.jwt");
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);

  // 1. Meetings, anonymously: the published meetings not yet over, soonest first.
  const events = createEventsClient(EVENTS_URL);
  const page = ok(await events.GET("/api/v1/meetings", { params: { query: { size: 100 } } }));
  const meetings = page.items ?? [];
  console.log(`1. ${page.totalItems} published meetings; the first ${Math.min(3, meetings.length)}:`);
  for (const m of meetings.slice(0, 3)) {
    console.log(`   ${m.start}  ${m.title?.sv}  (${m.seatsLeft}/${m.capacity} seats left, ${m.audience})`);
  }

  // 2. Register, anonymously, for the first public meeting open for registration with seats left.
  const meeting = meetings.find((m) => m.registrationOpen && (m.seatsLeft ?? 0) > 0 && m.audience === "PUBLIC");
  check(meeting?.id, "no public meeting open for registration with seats left on the first page");
  const email = `quickstart+${run}@example.org`;
  const registered = await events.POST("/api/v1/meetings/{id}/registrations", {
    params: { path: { id: meeting.id }, header: { "Idempotency-Key": randomUUID() } },
    body: { attendee: { name: `Quickstart ${run}`, email, language: "en" }, attendeeListConsent: false },
  });
  const registration = ok(registered);
  check(registered.response.status === 201, `registration answered ${registered.response.status}, not 201`);
  check(
    ["CONFIRMED", "WAITLISTED", "PENDING_APPROVAL"].includes(registration.status ?? ""),
    `registration status ${registration.status}`,
  );
  console.log(`2. Registered ${email} for "${meeting.title?.sv}": HTTP ${registered.response.status}, ` +
    `${registration.status}` +
    (registration.waitlistPosition ? ` (waitlist position ${registration.waitlistPosition})` : "") +
    `, check-in code ${registration.checkInCode}`);

  // ... and cancel it again, as the attendee would with the secret link, so that reruns leave the seats free.
  const token = new URL(registration.cancellationLink!).searchParams.get("token");
  check(token, `no token in the cancellation link ${registration.cancellationLink}`);
  const cancelled = ok(await events.POST("/api/v1/registrations/{id}/cancel", {
    params: { path: { id: registration.id! }, query: { token } },
  }));
  check(cancelled.status === "CANCELLED", `status ${cancelled.status} after cancelling`);
  console.log(`   Cancelled it with the token of its cancellation link: ${cancelled.status}`);

  // 3. Register a company, as staff; Location names it.
  const members = createMembersClient(MEMBERS_URL, { token: staffToken() });
  const organisationNumber = randomOrganisationNumber();
  const created = await members.POST("/api/v1/companies", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      organisationNumber,
      name: `Quickstart Verkstad ${run} AB`,
      municipalityCode: "1082",
      numberOfEmployees: 8,
      postalAddress: { street: "Verkstadsgatan 1", postalCode: "374 35", city: "Karlshamn" },
    },
  });
  const company = ok(created);
  const location = created.response.headers.get("Location");
  check(created.response.status === 201, `createCompany answered ${created.response.status}, not 201`);
  check(location, "createCompany gave no Location header");
  check(company.organisationNumber === organisationNumber, `organisation number ${company.organisationNumber}`);
  console.log(`3. Created ${company.name} (${company.organisationNumber}, ${company.legalForm}, ` +
    `${company.sizeClass}); Location: ${location}`);

  // 4. Read it back through Location, then replace its profile with If-Match: <ETag>.
  const id = new URL(location, MEMBERS_URL).pathname.split("/").pop()!;
  const read = await members.GET("/api/v1/companies/{id}", { params: { path: { id } } });
  const before = ok(read);
  const etag = read.response.headers.get("ETag");
  check(before.id === company.id, `Location names ${id}, not the created ${company.id}`);
  check(etag, "getCompany gave no ETag header");

  const update: UpdateCompanyRequest = {
    name: before.name!,
    municipalityCode: before.municipalityCode!,
    postalAddress: before.postalAddress,
    numberOfEmployees: 55,
    website: `https://quickstart-${run}.example.se`,
  };
  const updated = await members.PUT("/api/v1/companies/{id}", {
    params: { path: { id }, header: { "If-Match": etag } },
    body: update,
  });
  const after = ok(updated);
  const newEtag = updated.response.headers.get("ETag");
  check(after.numberOfEmployees === 55, `numberOfEmployees ${after.numberOfEmployees} after the update`);
  check(after.website === update.website, `website ${after.website} after the update`);
  check(newEtag && newEtag !== etag, `ETag ${newEtag} after the update (was ${etag})`);
  console.log(`4. Updated with If-Match ${etag}, now ETag ${newEtag}:`);
  for (const field of ["numberOfEmployees", "sizeClass", "website"] as const) {
    console.log(`   ${field}: ${before[field] ?? "(none)"} -> ${after[field]}`);
  }
  console.log("Quickstart OK");
}

main().catch((e: unknown) => {
  if (e instanceof ProblemError) {
    console.error(`Quickstart FAILED: HTTP ${e.response.status} ${e.response.url}`);
    console.error(`  type:   ${e.problem.type}`);
    console.error(`  title:  ${e.problem.title}`);
    console.error(`  detail: ${e.problem.detail}`);
    for (const fieldError of e.problem.errors ?? []) {
      console.error(`  ${fieldError.field}: ${fieldError.message}`);
    }
  } else {
    console.error(`Quickstart FAILED: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
});
