/**
 * Checks API responses against the served OpenAPI document with openapi-backend (a third-party
 * validator: it matches the operation, then validates the body and the headers with Ajv against
 * the document's schemas). Around it, what that library leaves to its caller: the status must be
 * one the operation documents (the library passes an undocumented status silently), the media
 * type must be the documented one, a required header must be there, and the API's own headers
 * (X-Request-Id, Location, Retry-After, Idempotent-Replayed) may only appear where documented.
 *
 * The document is read "closed": an object that names its properties and says nothing of others
 * gets `additionalProperties: false` here, so a field the server sends but the document does not
 * name is a mismatch (a client generated from the document would never see it).
 */
import { OpenAPIBackend, type Operation } from 'openapi-backend';

/** The API's own response headers: present on a response only where its operation documents them. */
const WATCHED_HEADERS = ['x-request-id', 'location', 'retry-after', 'idempotent-replayed'];
/** Served under /api but not operations of it: the document itself and its page. */
const NOT_OPERATIONS = new Set(['/api/v1/openapi.json', '/api/docs']);

type Schema = Record<string, unknown>;
type Doc = { paths: Record<string, unknown>; components: { schemas: Record<string, Schema> } };

export interface ContractReply {
  method: string;
  /** The request path, with its query string if any. */
  path: string;
  status: number;
  headers: Headers;
  /** The raw body. */
  text: string;
}

export interface ContractChecker {
  /** What is wrong with one reply (nothing: it matches the document); counts it. */
  check(reply: ContractReply): string[];
  /** How many replies were checked, and the mismatches found, each naming its request. */
  readonly validated: number;
  readonly mismatches: string[];
  /** The statuses seen per operation id (`unknown path` for a path no operation has). */
  readonly covered: ReadonlyMap<string, ReadonlySet<number>>;
}

/** The same schema, with every object that names its properties closed to any other. */
function closeObjects(schema: unknown, components: Record<string, Schema>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s, components));
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Schema;
  if (Array.isArray(s['allOf'])) return closeObjects(mergeAllOf(s, components), components);
  const out: Schema = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, closeObjects(v, components)]));
  if (s['properties'] && s['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return out;
}

/** `allOf` of objects as one object (closing each part alone would refuse the others' fields). */
function mergeAllOf(s: Schema, components: Record<string, Schema>): Schema {
  const { allOf, ...rest } = s as Schema & { allOf: Schema[] };
  const parts = allOf.map((part) => resolve(part, components));
  const merged = parts.reduce<Schema>(
    (acc, part) => {
      const p = part['allOf'] ? mergeAllOf(part, components) : part;
      return {
        ...acc,
        properties: { ...(acc['properties'] as Schema), ...(p['properties'] as Schema) },
        required: [...(acc['required'] as string[]), ...((p['required'] as string[] | undefined) ?? [])],
      };
    },
    { type: 'object', properties: {}, required: [] },
  );
  return { ...rest, ...merged };
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  return resolve(components[ref.split('/').at(-1)!]!, components);
}

const mediaTypeOf = (headers: Headers) => headers.get('content-type')?.split(';')[0]?.trim() ?? null;

/** The validator of one document, closed; built once per document text (apps share it). */
async function validatorOf(document: unknown) {
  const doc = structuredClone(document) as Doc;
  const components = doc.components.schemas;
  doc.paths = closeObjects(doc.paths, components) as Doc['paths'];
  doc.components.schemas = closeObjects(components, components) as Doc['components']['schemas'];
  // `quick`: no check of the document itself, whose schema check here knows OpenAPI 3.0 only (the
  // 3.1 document is linted by @redocly/cli in openapi-docs.test.ts); references are resolved.
  const backend: OpenAPIBackend = new OpenAPIBackend({
    definition: doc as unknown as OpenAPIBackend['definition'],
    quick: true,
    validate: true,
    ajvOpts: { allErrors: true },
  });
  await backend.init();
  const errorSchema = backend.validator
    .getAjv('responseValidator' as never)
    .compile((backend.definition as unknown as Doc).components.schemas['Error404']!);
  return { backend, errorSchema };
}

const validators = new Map<string, ReturnType<typeof validatorOf>>();

/** A checker for the document an app serves (read once, as a client would), with its own counts. */
export async function contractChecker(document: unknown): Promise<ContractChecker> {
  const text = JSON.stringify(document);
  if (!validators.has(text)) validators.set(text, validatorOf(document));
  const { backend, errorSchema } = await validators.get(text)!;

  let validated = 0;
  const mismatches: string[] = [];
  const covered = new Map<string, Set<number>>();
  const cover = (operationId: string, status: number) =>
    covered.set(operationId, (covered.get(operationId) ?? new Set()).add(status));

  function problemsOf(reply: ContractReply): string[] {
    const [path = '', query] = reply.path.split('?');
    const operation = backend.matchOperation({ method: reply.method, path, query: query ?? '', headers: {} });
    cover(operation?.operationId ?? 'unknown path', reply.status);
    let json: unknown = null;
    try {
      if (mediaTypeOf(reply.headers) === 'application/json') json = JSON.parse(reply.text);
    } catch {
      return ['the body is not JSON'];
    }
    if (!operation) return unknownPathProblems(reply, json);
    const response = (operation.responses ?? {})[String(reply.status)] as
      { content?: Record<string, unknown>; headers?: Record<string, { required?: boolean }> } | undefined;
    if (!response) return [`status ${reply.status} is not documented for ${operation.operationId}`];
    return [
      ...mediaTypeProblems(reply, response.content),
      ...(json === null ? [] : bodyProblems(json, operation, reply.status)),
      ...headerProblems(reply, operation, response.headers ?? {}),
    ];
  }

  /** Any other /api path answers 404 NOT_FOUND in the Error404 envelope (the document says so). */
  function unknownPathProblems(reply: ContractReply, json: unknown): string[] {
    if (reply.status !== 404 || json === null) return ['no operation documents this request'];
    if (!errorSchema(json)) return [`body: ${JSON.stringify(errorSchema.errors)}`];
    return (json as { error: { code: string } }).error.code === 'NOT_FOUND' ? [] : ['code is not NOT_FOUND'];
  }

  function mediaTypeProblems(reply: ContractReply, content: Record<string, unknown> | undefined): string[] {
    const media = mediaTypeOf(reply.headers);
    if (!content) return reply.text === '' ? [] : [`a body (${media}) where the document has none`];
    return media !== null && media in content ? [] : [`media type ${media} is not documented`];
  }

  function bodyProblems(json: unknown, operation: Operation, status: number): string[] {
    const result = backend.validateResponse(json, operation, status);
    return (result.errors ?? []).map((e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  function headerProblems(
    reply: ContractReply,
    operation: Operation,
    documented: Record<string, { required?: boolean }>,
  ): string[] {
    const headers = Object.fromEntries(reply.headers.entries());
    const names = new Set(Object.keys(documented).map((h) => h.toLowerCase()));
    const result = backend.validateResponseHeaders(headers, operation, { statusCode: reply.status });
    return [
      ...(result.errors ?? []).map((e) => `header${e.instancePath} ${e.message}`),
      ...Object.entries(documented)
        .filter(([name, h]) => h.required && !reply.headers.has(name))
        .map(([name]) => `required header ${name} is missing`),
      ...WATCHED_HEADERS.filter((h) => reply.headers.has(h) && !names.has(h)).map(
        (h) => `header ${h} is sent but not documented`,
      ),
    ];
  }

  return {
    check(reply) {
      const path = reply.path.split('?')[0]!;
      // The probes (/healthz, /readyz) and the pages are not the API.
      if (!path.startsWith('/api/') || NOT_OPERATIONS.has(path)) return [];
      validated += 1;
      const problems = problemsOf(reply).map((p) => `${reply.method} ${reply.path} → ${reply.status}: ${p}`);
      mismatches.push(...problems);
      return problems;
    },
    get validated() {
      return validated;
    },
    get mismatches() {
      return mismatches;
    },
    covered,
  };
}
