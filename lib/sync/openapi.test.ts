import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/sync/v1/openapi.json/route';
import {
  ITEM_KINDS,
  LEDGER_KINDS,
  ORDER_STATUSES,
  SASH_OPENINGS,
  SHIPMENT_STATUSES,
} from '@/drizzle/schema/values';
import { syncOpenApiDocument } from './openapi';
import { MAX_BODY_BYTES, MAX_EVENTS, parseEvent } from './schemas';

// The OpenAPI document is what the factory's integrators build against, so it is checked against
// the contract (CONTRACT.md section 3, transcribed below), the data model's enums and the API's own
// validator: a field, value or limit that drifts in any of them fails here.

type Schema = {
  $ref?: string;
  type?: string | readonly string[];
  const?: unknown;
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: readonly Schema[];
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  discriminator?: { propertyName: string; mapping: Record<string, string> };
};
type Operation = {
  security?: readonly Record<string, readonly string[]>[];
  requestBody: {
    required?: boolean;
    'x-max-body-bytes'?: number;
    content: Record<string, { schema: Schema; examples: Record<string, { value: unknown }> }>;
  };
  responses: Record<
    string,
    {
      headers?: Record<string, { $ref?: string; required?: boolean }>;
      content?: Record<string, { schema: Schema; example?: unknown; examples?: Record<string, { value: unknown }> }>;
    }
  >;
};
type Doc = {
  openapi: string;
  servers: readonly { url: string }[];
  security: readonly Record<string, readonly string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, { type: string; scheme?: string }>;
  };
};

// Read through a loose shape: the `as const` literal type is too narrow to walk generically.
const doc = syncOpenApiDocument as unknown as Doc;
const schemas = doc.components.schemas;
const operation = doc.paths['/api/sync/v1/events']?.post as Operation;

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = schemas[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target);
}

/** The data schema an event type is documented with, found through the discriminator. */
function dataSchemaOf(type: string): Schema {
  const mapping = schemas.Event?.discriminator?.mapping ?? {};
  const target = mapping[type];
  if (!target) throw new Error(`no discriminator mapping for ${type}`);
  const event = resolve({ $ref: target });
  const own = event.allOf?.find((part) => part.properties?.type);
  expect(own?.properties?.type?.const).toBe(type);
  const data = own?.properties?.data;
  if (!data?.$ref) throw new Error(`${type} has no data schema`);
  return resolve(data);
}

const prop = (schema: Schema, name: string): Schema => {
  const found = schema.properties?.[name];
  if (!found) throw new Error(`no property ${name}`);
  return resolve(found);
};

// CONTRACT.md section 3, field by field: `?` in the contract is optional here.
const CONTRACT: Record<string, { required: string[]; optional: string[] }> = {
  'dealer.upserted': { required: ['code', 'name', 'taxId'], optional: ['region', 'phone', 'email', 'address', 'currency'] },
  'order.upserted': {
    required: ['number', 'dealerCode', 'createdAt', 'currency', 'total', 'items'],
    optional: ['plant', 'customerRef'],
  },
  'order.status': { required: ['number', 'status'], optional: ['itemsDone', 'itemsTotal', 'note'] },
  'shipment.upserted': {
    required: ['number', 'plannedDate', 'status', 'orderNumbers'],
    optional: ['driverName', 'driverPhone', 'vehicle', 'departedAt', 'deliveredAt'],
  },
  'ledger.entry': {
    required: ['id', 'dealerCode', 'kind', 'amount', 'currency', 'date'],
    optional: ['dueDate', 'orderNumber', 'document'],
  },
  'catalog.item': {
    required: ['partNumber', 'name', 'unit', 'retailPrice', 'dealerPrice', 'currency'],
    optional: ['promoPrice', 'stock'],
  },
};
const CONTRACT_ITEM = {
  required: ['position', 'kind', 'name', 'widthMm', 'heightMm', 'quantity', 'price'],
  optional: ['profile', 'glazing', 'color', 'hardware', 'sashes', 'extras'],
};

function expectFields(schema: Schema, fields: { required: string[]; optional: string[] }) {
  expect([...(schema.required ?? [])].sort()).toEqual([...fields.required].sort());
  expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...fields.required, ...fields.optional].sort());
}

describe('sync API OpenAPI document', () => {
  it('is OpenAPI 3.1.0, server-relative and plain JSON', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(JSON.parse(JSON.stringify(syncOpenApiDocument))).toEqual(syncOpenApiDocument);
  });

  it('describes POST /api/sync/v1/events with bearer auth and the batch envelope', () => {
    expect(Object.keys(doc.paths)).toEqual(['/api/sync/v1/events']);
    expect(Object.keys(doc.paths['/api/sync/v1/events'] ?? {})).toEqual(['post']);
    const [schemeName] = Object.keys(doc.security[0] ?? {});
    expect(doc.components.securitySchemes[schemeName ?? '']).toMatchObject({ type: 'http', scheme: 'bearer' });

    expect(operation.requestBody.required).toBe(true);
    const json = operation.requestBody.content['application/json'];
    expect(json).toBeDefined();
    const batch = resolve(json!.schema);
    expect(batch.required).toEqual(['events']);
    const events = prop(batch, 'events');
    expect(events).toMatchObject({ type: 'array', minItems: 1, maxItems: MAX_EVENTS });
    expect(MAX_EVENTS).toBe(1000);
    expect(operation.requestBody['x-max-body-bytes']).toBe(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBe(5 * 1024 * 1024);

    const base = resolve({ $ref: '#/components/schemas/EventBase' });
    expect([...(base.required ?? [])].sort()).toEqual(['data', 'id', 'occurredAt', 'type']);
    expect(prop(base, 'id')).toMatchObject({ type: 'string', minLength: 1, maxLength: 128 });
    expect(prop(base, 'occurredAt')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(prop(base, 'data').type).toBe('object');
  });

  it('has every event type of the contract, each with its data schema as the contract lists it', () => {
    const types = Object.keys(CONTRACT);
    expect(schemas.EventType?.enum).toEqual(types);
    expect(schemas.Event?.discriminator?.propertyName).toBe('type');
    expect(Object.keys(schemas.Event?.discriminator?.mapping ?? {}).sort()).toEqual([...types].sort());
    expect(schemas.Event?.oneOf).toHaveLength(types.length);
    for (const type of types) expectFields(dataSchemaOf(type), CONTRACT[type]!);

    const items = prop(dataSchemaOf('order.upserted'), 'items');
    expect(items).toMatchObject({ type: 'array', minItems: 1 });
    const item = resolve(items.items!);
    expectFields(item, CONTRACT_ITEM);
    const sash = resolve(prop(item, 'sashes').items!);
    expectFields(sash, { required: ['widthMm', 'opening'], optional: [] });
  });

  it('takes every enum from the data model', () => {
    const order = dataSchemaOf('order.upserted');
    const item = resolve(prop(order, 'items').items!);
    expect(prop(item, 'kind').enum).toEqual([...ITEM_KINDS]);
    expect(prop(resolve(prop(item, 'sashes').items!), 'opening').enum).toEqual([...SASH_OPENINGS]);
    expect(prop(dataSchemaOf('order.status'), 'status').enum).toEqual([...ORDER_STATUSES]);
    expect(prop(dataSchemaOf('shipment.upserted'), 'status').enum).toEqual([...SHIPMENT_STATUSES]);
    expect(prop(dataSchemaOf('ledger.entry'), 'kind').enum).toEqual([...LEDGER_KINDS]);
  });

  it('sends money as decimal strings, signed only where the contract says so', () => {
    const unsigned = [
      prop(dataSchemaOf('order.upserted'), 'total'),
      prop(resolve(prop(dataSchemaOf('order.upserted'), 'items').items!), 'price'),
      prop(dataSchemaOf('catalog.item'), 'retailPrice'),
      prop(dataSchemaOf('catalog.item'), 'dealerPrice'),
      prop(dataSchemaOf('catalog.item'), 'promoPrice'),
    ];
    for (const money of unsigned) {
      const pattern = new RegExp(money.pattern ?? '(?!)');
      expect(pattern.test('62760.00')).toBe(true);
      expect(pattern.test('-1.00')).toBe(false);
      expect(pattern.test('1.005')).toBe(false);
    }
    const amount = prop(dataSchemaOf('ledger.entry'), 'amount');
    expect(amount.type).toBe('string');
    expect(amount.pattern).toBe('^-?\\d{1,12}(\\.\\d{1,2})?$');
    expect(new RegExp(amount.pattern!).test('-120.50')).toBe(true);
    expect(new RegExp(amount.pattern!).test('1234567890123.00')).toBe(false);
  });

  it('types dates as dates and times as date-times', () => {
    expect(prop(dataSchemaOf('shipment.upserted'), 'plannedDate').format).toBe('date');
    expect(prop(dataSchemaOf('ledger.entry'), 'date').format).toBe('date');
    expect(prop(dataSchemaOf('ledger.entry'), 'dueDate').format).toBe('date');
    expect(prop(dataSchemaOf('order.upserted'), 'createdAt').format).toBe('date-time');
    expect(prop(dataSchemaOf('shipment.upserted'), 'departedAt').format).toBe('date-time');
    expect(prop(dataSchemaOf('shipment.upserted'), 'deliveredAt').format).toBe('date-time');
  });

  it('documents the answer and every whole-request error', () => {
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '413', '415', '429', '503']);
    const result = resolve(operation.responses['200']!.content!['application/json']!.schema);
    expect([...(result.required ?? [])].sort()).toEqual(['accepted', 'duplicates', 'rejected']);
    const rejected = resolve(prop(result, 'rejected').items!);
    expect([...(rejected.required ?? [])].sort()).toEqual(['error', 'id', 'index']);

    for (const status of ['400', '401', '413', '415', '429', '503']) {
      const json = operation.responses[status]?.content?.['application/json'];
      expect(json?.schema.$ref, status).toBe('#/components/schemas/Error');
      expect(json?.example, status).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    const error = prop(resolve({ $ref: '#/components/schemas/Error' }), 'error');
    expect([...(error.required ?? [])].sort()).toEqual(['code', 'message']);
    expect(operation.responses['429']?.headers?.['Retry-After']?.$ref).toBe('#/components/headers/Retry-After');
    expect(doc.components.headers['Retry-After']).toMatchObject({ required: true, schema: { type: 'integer' } });
  });

  it('resolves every $ref', () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(syncOpenApiDocument);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(schemas|headers)\/(.+)$/.exec(ref) ?? [];
      expect(section && name && (doc.components as Record<string, Record<string, unknown>>)[section]?.[name], ref).toBeTruthy();
    }
  });

  it('gives examples the API itself accepts, one event of every type', () => {
    const batch = operation.requestBody.content['application/json']!.examples.batch!.value as { events: unknown[] };
    const parsed = batch.events.map(parseEvent);
    for (const [i, p] of parsed.entries()) expect(p.ok ? 'ok' : p.error, `example event ${i}`).toBe('ok');
    expect(parsed.map((p) => (p.ok ? p.event.type : null))).toEqual(Object.keys(CONTRACT));

    const answers = operation.responses['200']!.content!['application/json']!.examples!;
    for (const { value } of Object.values(answers)) {
      expect(value).toMatchObject({ accepted: expect.any(Number), duplicates: expect.any(Number), rejected: expect.any(Array) });
    }
  });

  it('is served as JSON with five minutes of caching', async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(syncOpenApiDocument)));
  });
});
