/**
 * Typed clients for the Techtank services.
 *
 * The path and schema types are generated from the committed OpenAPI documents
 * (docs/api/*.openapi.yaml) into ./generated/ by `npm run generate`; this file
 * is the small hand-written part around them.
 *
 * Every call returns `{ data, error, response }` (openapi-fetch): on a 2xx
 * answer `data` is the typed body, otherwise `error` is the body of the error
 * answer, which every service sends as RFC 9457 problem details
 * (`application/problem+json`, see {@link Problem}). Read headers such as
 * `Location` and `ETag` from `response.headers`.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components as MembersComponents, paths as MembersPaths } from "./generated/members.js";
import type { paths as EventsPaths } from "./generated/events.js";
import type { paths as ProgrammesPaths } from "./generated/programmes.js";
import type { paths as NotificationsPaths } from "./generated/notifications.js";

/** All generated types of each service: `members.components["schemas"]["Company"]` etc. */
export type * as members from "./generated/members.js";
export type * as events from "./generated/events.js";
export type * as programmes from "./generated/programmes.js";
export type * as notifications from "./generated/notifications.js";

/**
 * RFC 9457 problem details, the body of every error answer
 * (`application/problem+json`); the same schema in all four documents.
 *
 * - `type`: stable URI of the kind of error, e.g.
 *   `https://api.techtank.se/problems/validation-failed`; switch on this.
 * - `title`: short summary of the kind, `status`: the HTTP status,
 *   `detail`: what went wrong this time, `instance`: the request path.
 * - `errors`: the fields at fault, `{ field, message }` (400 and 422).
 * - `errorId`: on a 500, the id also written to the service log.
 */
export type Problem = MembersComponents["schemas"]["Problem"];
/** One entry of {@link Problem.errors}. */
export type FieldError = MembersComponents["schemas"]["FieldError"];

export type MembersClient = Client<MembersPaths>;
export type EventsClient = Client<EventsPaths>;
export type ProgrammesClient = Client<ProgrammesPaths>;
export type NotificationsClient = Client<NotificationsPaths>;

export interface TechtankClientOptions {
  /** A JWT; sent as `Authorization: Bearer <token>`. Leave out for anonymous calls. */
  token?: string;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: (input: Request) => Promise<Response>;
}

/** Adds `Authorization: Bearer <token>` to every request. */
export function bearerAuth(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

function create<Paths extends {}>(baseUrl: string, options: TechtankClientOptions): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) {
    client.use(bearerAuth(options.token));
  }
  return client;
}

/** members-service: companies, contacts, membership, needs, statistics (locally http://127.0.0.1:8081). */
export function createMembersClient(baseUrl: string, options: TechtankClientOptions = {}): MembersClient {
  return create<MembersPaths>(baseUrl, options);
}

/** events-service: meetings, registrations, calendars (locally http://127.0.0.1:8082). */
export function createEventsClient(baseUrl: string, options: TechtankClientOptions = {}): EventsClient {
  return create<EventsPaths>(baseUrl, options);
}

/** programmes-service: programmes, intakes, applications, partners (locally http://127.0.0.1:8083). */
export function createProgrammesClient(baseUrl: string, options: TechtankClientOptions = {}): ProgrammesClient {
  return create<ProgrammesPaths>(baseUrl, options);
}

/** notifications-service: deliveries, preferences, webhooks (locally http://127.0.0.1:8084). */
export function createNotificationsClient(baseUrl: string, options: TechtankClientOptions = {}): NotificationsClient {
  return create<NotificationsPaths>(baseUrl, options);
}

/** Whether `value` looks like RFC 9457 problem details. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && ("type" in value || "title" in value || "status" in value);
}

/** An error answer as an exception: `problem` is the body, `response` the raw answer. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly response: Response,
  ) {
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
    super(
      `${problem.status ?? response.status} ${problem.title ?? response.statusText}` +
        (problem.detail ? `: ${problem.detail}` : "") +
        (fields ? ` [${fields}]` : "") +
        ` (${problem.type ?? "about:blank"})`,
    );
    this.name = "ProblemError";
  }
}

/**
 * Returns `data` of a successful call, or throws a {@link ProblemError} for an
 * error answer (an answer that is not problem+json is wrapped in one).
 *
 *     const meetings = ok(await events.GET("/api/v1/meetings"));
 */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (response.ok && error === undefined) {
    return data as T;
  }
  const problem: Problem = isProblem(error)
    ? error
    : {
        type: "about:blank",
        title: response.statusText,
        status: response.status,
        detail: typeof error === "string" ? error.slice(0, 500) : undefined,
      };
  throw new ProblemError(problem, response);
}
