import {
  ITEM_KINDS,
  LEDGER_KINDS,
  ORDER_STATUSES,
  SASH_OPENINGS,
  SHIPMENT_STATUSES,
} from '@/drizzle/schema/values';

// The OpenAPI 3.1 description of sync API v1 (CONTRACT.md section 3), served at
// /api/sync/v1/openapi.json. It is written for the integration engineers of the factory's
// production and accounting systems, so the descriptions say what to do, not only what a field is.
// The enums come from the data model itself, so the document cannot drift from what the database
// accepts; the limits (lengths, list sizes) mirror lib/sync/schemas.ts, and lib/sync/openapi.test.ts
// runs the examples below through that validator to keep the two honest.

/** The contract's event types, in the contract's order. */
export const SYNC_EVENT_TYPES = [
  'dealer.upserted',
  'order.upserted',
  'order.status',
  'shipment.upserted',
  'ledger.entry',
  'catalog.item',
] as const;

const MAX_EVENTS = 1000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

// Money travels as a decimal string: a JSON number would pass through floats and lose kopiykas.
const UNSIGNED_MONEY_PATTERN = '^\\d{1,12}(\\.\\d{1,2})?$';
const SIGNED_MONEY_PATTERN = '^-?\\d{1,12}(\\.\\d{1,2})?$';

const ref = <Name extends string>(name: Name) => ({ $ref: `#/components/schemas/${name}` }) as const;

const text = <D extends string>(maxLength: number, description: D) =>
  ({ type: 'string', minLength: 1, maxLength, description }) as const;

// Optional fields may be left out or sent as null; either way an upsert clears what the portal held.
const optionalText = <D extends string>(maxLength: number, description: D) =>
  ({ type: ['string', 'null'], minLength: 1, maxLength, description }) as const;

const money = <D extends string>(description: D) =>
  ({ type: 'string', pattern: UNSIGNED_MONEY_PATTERN, description }) as const;

const optionalMoney = <D extends string>(description: D) =>
  ({ type: ['string', 'null'], pattern: UNSIGNED_MONEY_PATTERN, description }) as const;

const currency = {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 code in capitals, such as "UAH".',
  examples: ['UAH'],
} as const;

const dateTime = <D extends string>(description: D) => ({ type: 'string', format: 'date-time', description }) as const;
const optionalDateTime = <D extends string>(description: D) =>
  ({ type: ['string', 'null'], format: 'date-time', description }) as const;

const wholeNumber = <D extends string>(minimum: number, description: D) =>
  ({ type: 'integer', minimum, description }) as const;
const optionalWholeNumber = <D extends string>(minimum: number, description: D) =>
  ({ type: ['integer', 'null'], minimum, description }) as const;

/** One event of a type, as the discriminator's target: the common envelope plus its own data. */
const eventOfType = <T extends (typeof SYNC_EVENT_TYPES)[number], D extends string>(type: T, dataSchema: D, description: string) =>
  ({
    description,
    allOf: [
      ref('EventBase'),
      {
        type: 'object',
        properties: { type: { const: type }, data: ref(dataSchema) },
      },
    ],
  }) as const;

const errorResponse = (description: string, code: string, message: string) =>
  ({
    description,
    headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
    content: {
      'application/json': {
        schema: ref('Error'),
        example: { error: { code, message } },
      },
    },
  }) as const;

const API_DESCRIPTION = `The factory's own systems (production and accounting) push every change to the dealer portal
through one endpoint, \`POST /api/sync/v1/events\`, in batches.

**Authentication.** Each source system has its own bearer token, issued and rotated by a portal
administrator and shown once. The token tells the portal which system is speaking (its *source*).

**Idempotency, forever.** An event is identified by \`(source, id)\`. The same \`id\` from the same
system again, tomorrow or in a year, is counted under \`duplicates\` and changes nothing, even if
its content differs. Give every change its own \`id\` (for example the row id of your outbox or
change log) and reuse an \`id\` only to retry the very same event. The one exception: the \`id\` of a
*rejected* event is not used up, so the corrected event may be sent under the same \`id\`.

**Newest wins.** Each object (dealer by \`code\`, order by \`number\`, shipment by \`number\`, ledger
entry by its document \`id\`, catalogue item by \`partNumber\`) takes the state of the event with the
newest \`occurredAt\`. An older event that arrives later is accepted but changes nothing; an older
\`order.status\` is still kept in the order's history (the dealer sees when each stage was reached).
So \`occurredAt\` must be when the change happened in your system, not when you send it, and the
order in which batches arrive does not change the end state. Upserts carry the whole object: a
field left out (or null) is cleared, and an order's positions replace the ones the portal held.

**Orphans are kept.** An event about an order or a dealer the portal does not know yet (a status
before its order, an order before its dealer, a trip before one of its orders, a ledger entry before
its dealer) is accepted, counted under \`accepted\`, parked, and applied automatically as soon as that
order or dealer arrives. It is never dropped; do not hold it back or send it again.

**A 200 is a commit.** Every accepted event of a \`200\` answer is durably stored before the answer is
sent: mark them delivered. Each event gets exactly one outcome: \`accepted + duplicates +
rejected.length\` equals the number of events sent. A rejected event changes nothing, is listed with
a reason a person can act on, and stays visible in the portal's integration view for the factory's
staff; the rest of the batch is applied.

**Retry.** On \`429\`, \`503\`, a timeout or a broken connection the batch may or may not have been
stored: send the same batch again, with the same ids, after the \`Retry-After\` delay (429) or an
exponential backoff with jitter (503, network errors). Whatever had arrived comes back under
\`duplicates\`. Do not retry \`400\`, \`401\`, \`413\` or \`415\` unchanged: fix the request first.`;

const BATCH_EXAMPLE = {
  events: [
    {
      id: 'mes-dealer-D-1001-000019',
      type: 'dealer.upserted',
      occurredAt: '2026-04-14T08:02:11.407+03:00',
      data: {
        code: 'D-1001',
        name: 'ТОВ «Вікна Поділля»',
        taxId: '38452178',
        region: 'Вінницька область',
        phone: '+380432556218',
        email: 'office@vikna-podillia.com.ua',
        address: 'м. Вінниця, вул. Соборна, 54',
        currency: 'UAH',
      },
    },
    {
      id: 'mes-order-26-004817-000001',
      type: 'order.upserted',
      occurredAt: '2026-04-14T09:12:31.250+03:00',
      data: {
        number: '26-004817',
        dealerCode: 'D-1001',
        plant: 'MAIN',
        createdAt: '2026-04-13T16:40:05+03:00',
        currency: 'UAH',
        total: '62760.00',
        customerRef: 'Мельник О. П., м. Вінниця, вул. Келецька, 12, кв. 45',
        items: [
          {
            position: 1,
            kind: 'window',
            name: 'Вікно двостулкове',
            widthMm: 1460,
            heightMm: 1420,
            quantity: 2,
            profile: 'REHAU Euro-Design 70',
            glazing: '4-16Ar-4i (аргон, енергозберігаюче скло)',
            color: 'білий',
            sashes: [
              { widthMm: 730, opening: 'fixed' },
              { widthMm: 730, opening: 'tilt_turn_right' },
            ],
            extras: ['підвіконня ПВХ 300 мм', 'відлив оцинкований 150 мм', 'москітна сітка рамкова'],
            price: '14380.00',
          },
          {
            position: 2,
            kind: 'balcony',
            name: 'Балконний блок: двері та вікно',
            widthMm: 2100,
            heightMm: 2150,
            quantity: 1,
            profile: 'REHAU Euro-Design 70',
            glazing: '4-16Ar-4i (аргон, енергозберігаюче скло)',
            color: 'антрацит RAL 7016 ззовні, білий всередині',
            sashes: [
              { widthMm: 700, opening: 'tilt_turn_left' },
              { widthMm: 1400, opening: 'fixed' },
            ],
            extras: ['поріг алюмінієвий низький'],
            price: '27650.00',
          },
          {
            position: 3,
            kind: 'roller_shutter',
            name: 'Ролета зовнішня',
            widthMm: 1460,
            heightMm: 1500,
            quantity: 1,
            profile: 'Aluprof SK 45, короб 165 мм',
            color: 'RAL 7016 антрацит',
            extras: ['ручне керування стрічкою'],
            price: '6350.00',
          },
        ],
      },
    },
    {
      id: 'mes-status-000184233',
      type: 'order.status',
      occurredAt: '2026-04-15T17:45:00+03:00',
      data: {
        number: '26-004817',
        status: 'manufactured',
        itemsDone: 3,
        itemsTotal: 4,
        note: 'Виготовлено 3 з 4 конструкцій, ролета буде готова 16.04',
      },
    },
    {
      id: 'mes-trip-T-26-10602-000003',
      type: 'shipment.upserted',
      occurredAt: '2026-04-16T07:05:42+03:00',
      data: {
        number: 'T-26-10602',
        plannedDate: '2026-04-16',
        status: 'in_transit',
        orderNumbers: ['26-004817', '26-004790'],
        driverName: 'Петренко Василь',
        driverPhone: '+380671234508',
        vehicle: 'MAN TGL 12.250, АА 4821 КТ',
        departedAt: '2026-04-16T07:05:00+03:00',
      },
    },
    {
      id: '1c-ledger-0000912377',
      type: 'ledger.entry',
      occurredAt: '2026-04-14T10:20:00+03:00',
      data: {
        id: 'INV-26-004817',
        dealerCode: 'D-1001',
        kind: 'invoice',
        amount: '62760.00',
        currency: 'UAH',
        date: '2026-04-14',
        dueDate: '2026-04-28',
        orderNumber: '26-004817',
        document: 'Рахунок-фактура № СФ-26-004817 від 14.04.2026',
      },
    },
    {
      id: '1c-catalog-HRD-ROTO-001-0042',
      type: 'catalog.item',
      occurredAt: '2026-04-14T06:00:00+03:00',
      data: {
        partNumber: 'HRD-ROTO-001',
        name: 'Комплект фурнітури Roto NT, поворотно-відкидний',
        unit: 'компл.',
        retailPrice: '2460.00',
        dealerPrice: '2010.00',
        promoPrice: '1850.00',
        stock: 515,
        currency: 'UAH',
      },
    },
  ],
} as const;

export const syncOpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Dealer portal: sync API',
    version: '1.0.0',
    summary: "How the factory's production and accounting systems push changes into the dealer portal.",
    description: API_DESCRIPTION,
  },
  // Server-relative, so the document is right on every host the portal runs on.
  servers: [{ url: '/' }],
  tags: [{ name: 'sync', description: "Changes pushed by the factory's systems." }],
  security: [{ sourceToken: [] }],
  paths: {
    '/api/sync/v1/events': {
      post: {
        tags: ['sync'],
        operationId: 'pushSyncEvents',
        summary: 'Push a batch of 1 to 1,000 events',
        description: `Send 1 to 1,000 events, at most 5 MiB of JSON (5,242,880 bytes); batches of 100 to 1,000
events are the efficient size.

Headers: \`Authorization: Bearer <token of your system>\`, \`Content-Type: application/json\`.

Each event is checked on its own: one with a wrong shape, an unknown type or enum value, or a bad
number is listed under \`rejected\` of a \`200\` answer and the rest of the batch is applied. Only a
request that is not the envelope as a whole (not JSON, no \`events\` list, too big) is refused with
an error status. The answer comes after the accepted events are committed.`,
        requestBody: {
          required: true,
          description: 'The batch: 1 to 1,000 events, at most 5 MiB (5,242,880 bytes) in total. A bigger body is refused with 413; split it.',
          'x-max-body-bytes': MAX_BODY_BYTES,
          content: {
            'application/json': {
              schema: ref('EventBatch'),
              examples: {
                batch: {
                  summary: 'One event of every type, as the two systems would send them',
                  description:
                    'In practice production and accounting send separate batches with their own tokens; they are shown together here for reference.',
                  value: BATCH_EXAMPLE,
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The batch was processed: one outcome for every event. Every accepted event is committed. Mark accepted and duplicate events as delivered; fix and resend the rejected ones.',
            headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
            content: {
              'application/json': {
                schema: ref('BatchResult'),
                examples: {
                  allAccepted: {
                    summary: 'Every event accepted',
                    value: { accepted: 6, duplicates: 0, rejected: [] },
                  },
                  mixed: {
                    summary: 'A retried batch with one bad event',
                    description:
                      'The batch was sent again after a timeout: four events had already arrived the first time (duplicates), one is new, and one has a status the contract does not know.',
                    value: {
                      accepted: 1,
                      duplicates: 4,
                      rejected: [
                        {
                          index: 2,
                          id: 'mes-status-000184233',
                          error:
                            'data.status: status must be one of: accepted, in_production, manufactured, shipped, delivered, cancelled',
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse(
            'The body is not valid JSON, not an object `{ "events": [ ... ] }`, or the list is empty. Nothing was stored. Fix the request; do not retry it unchanged.',
            'bad_request',
            'The body must be an object { "events": [ ... ] }.',
          ),
          '401': errorResponse(
            'No bearer token, or one the portal does not know (it may have been rotated). Nothing was stored. Ask a portal administrator for the current token of your system; do not retry until it is replaced.',
            'unauthorized',
            'The token is not valid or has been revoked; ask a portal administrator for the current one.',
          ),
          '413': errorResponse(
            'The body is over 5 MiB or holds more than 1,000 events. Nothing was stored. Split the batch and send the parts, with the same ids.',
            'payload_too_large',
            'A batch may hold at most 1000 events; this one has 1204. Split it.',
          ),
          '415': errorResponse(
            'The request is not JSON content: send `Content-Type: application/json`. Nothing was stored.',
            'unsupported_media_type',
            'Send the batch as JSON with Content-Type: application/json.',
          ),
          '429': {
            ...errorResponse(
              'The portal is shedding load. Nothing was stored. Wait the number of seconds in `Retry-After`, then send the same batch again with the same ids.',
              'rate_limited',
              'The portal is busy; send this batch again after the time in Retry-After.',
            ),
            headers: {
              'Retry-After': { $ref: '#/components/headers/Retry-After' },
              'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
            },
          },
          '503': {
            ...errorResponse(
              'The portal could not store the batch (for example its database did not answer); nothing of it was applied. Send the same batch again with the same ids, after `Retry-After` when given, otherwise with exponential backoff (1 s, 2 s, 4 s … at most 5 minutes, with jitter).',
              'unavailable',
              'The batch could not be stored and nothing of it was applied; send it again.',
            ),
            headers: {
              // Inline rather than a $ref: a reference object cannot change `required`.
              'Retry-After': {
                description: 'Seconds to wait before sending the same batch again, when the portal knows.',
                required: false,
                schema: { type: 'integer', minimum: 1 },
                example: 5,
              },
              'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      sourceToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque token',
        description:
          'One token per source system: `production` (orders, statuses, trips) and `accounting` (settlements, catalogue). The token decides the source, and with it the idempotency namespace of the event ids. Tokens are issued and rotated by portal administrators and shown once; the portal keeps only their hash. Demo mode: `demo-production-token`, `demo-accounting-token`.',
      },
    },
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before sending the same batch again.',
        required: true,
        schema: { type: 'integer', minimum: 1 },
        example: 5,
      },
      'X-Request-Id': {
        description: 'The id of this request in the portal log. Quote it when asking the portal team about an answer.',
        schema: { type: 'string' },
      },
    },
    schemas: {
      EventBatch: {
        type: 'object',
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            minItems: 1,
            maxItems: MAX_EVENTS,
            description:
              'The events, 1 to 1,000. They need not be sorted: each object keeps the newest `occurredAt`, and orphans wait for what they name.',
            items: ref('Event'),
          },
        },
      },
      EventType: {
        type: 'string',
        enum: SYNC_EVENT_TYPES,
        description:
          'What the event says. An unknown type is rejected (listed under `rejected`), not ignored, so a new type is never lost silently.',
      },
      EventBase: {
        type: 'object',
        required: ['id', 'type', 'occurredAt', 'data'],
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            maxLength: 128,
            description:
              "The event's id, unique within its source system forever: the idempotency key. Use a stable id from your own change log so a retry carries the same id.",
            examples: ['mes-status-000184233'],
          },
          type: ref('EventType'),
          occurredAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the change happened in the source system (RFC 3339 with a zone, milliseconds welcome). Decides which change is newest; never the time of sending.',
            examples: ['2026-04-15T17:45:00+03:00'],
          },
          data: { type: 'object', description: 'The change itself; its shape depends on `type`.' },
        },
      },
      Event: {
        description: 'One change, its `data` shaped by its `type`.',
        oneOf: [
          ref('DealerUpsertedEvent'),
          ref('OrderUpsertedEvent'),
          ref('OrderStatusEvent'),
          ref('ShipmentUpsertedEvent'),
          ref('LedgerEntryEvent'),
          ref('CatalogItemEvent'),
        ],
        discriminator: {
          propertyName: 'type',
          mapping: {
            'dealer.upserted': '#/components/schemas/DealerUpsertedEvent',
            'order.upserted': '#/components/schemas/OrderUpsertedEvent',
            'order.status': '#/components/schemas/OrderStatusEvent',
            'shipment.upserted': '#/components/schemas/ShipmentUpsertedEvent',
            'ledger.entry': '#/components/schemas/LedgerEntryEvent',
            'catalog.item': '#/components/schemas/CatalogItemEvent',
          },
        },
      },
      DealerUpsertedEvent: eventOfType('dealer.upserted', 'DealerUpsertedData', 'A dealer company created or changed.'),
      OrderUpsertedEvent: eventOfType('order.upserted', 'OrderUpsertedData', 'An order with all its constructions, created or changed.'),
      OrderStatusEvent: eventOfType('order.status', 'OrderStatusData', 'An order reached a stage.'),
      ShipmentUpsertedEvent: eventOfType('shipment.upserted', 'ShipmentUpsertedData', 'A trip (рейс) created or changed.'),
      LedgerEntryEvent: eventOfType('ledger.entry', 'LedgerEntryData', "A document of the dealer's settlements, created or corrected."),
      CatalogItemEvent: eventOfType('catalog.item', 'CatalogItemData', 'A product or part of the catalogue, created or changed.'),

      DealerUpsertedData: {
        type: 'object',
        description:
          'The whole dealer, keyed by `code`; newest `occurredAt` wins. A tax id belongs to one dealer only: a second code with the same `taxId` is rejected as a duplicate dealer. Events parked for this dealer are applied when it first arrives.',
        required: ['code', 'name', 'taxId'],
        properties: {
          code: text(32, "The dealer's code, the key every other event uses (`dealerCode`)."),
          name: text(300, 'The legal name with its form, as on documents.'),
          taxId: {
            type: 'string',
            pattern: '^\\d{8}(\\d{2})?$',
            description: 'ЄДРПОУ code (8 digits) of a company, or РНОКПП (10 digits) of a sole trader.',
          },
          region: optionalText(100, 'Oblast, as announcements target it, e.g. "Вінницька область".'),
          phone: optionalText(40, 'Office phone, international format.'),
          email: { type: ['string', 'null'], format: 'email', maxLength: 254, description: 'Office e-mail.' },
          address: optionalText(500, 'Postal address.'),
          currency: {
            ...currency,
            type: ['string', 'null'],
            description: "The dealer's settlement currency; UAH when left out.",
            default: 'UAH',
          },
        },
      },

      OrderUpsertedData: {
        type: 'object',
        description:
          'The whole order as it stands, keyed by `number`; newest `occurredAt` wins. Send every position each time: they replace the ones the portal holds. The order appears to its dealer as `accepted`; move it on with `order.status`. An order of a dealer the portal does not know yet is parked until the dealer arrives; statuses and trips waiting for this order are applied when it first arrives.',
        required: ['number', 'dealerCode', 'createdAt', 'currency', 'total', 'items'],
        properties: {
          number: text(64, 'The order number, e.g. "26-004817".'),
          dealerCode: text(32, "The dealer's `code`."),
          plant: optionalText(32, 'Code of the plant that makes the order, e.g. "MAIN" or "WEST"; the main plant when left out. An unknown code is rejected.'),
          createdAt: dateTime('When the order was created in the factory order system.'),
          currency,
          total: money('The order total, not negative: the sum of `price` × `quantity` of its positions.'),
          customerRef: optionalText(300, "The dealer's own reference for his customer."),
          items: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            description: 'The constructions, each `position` once.',
            items: ref('OrderItem'),
          },
        },
      },
      OrderItem: {
        type: 'object',
        description: 'One position: a construction, spelled out as the dealer sees it.',
        required: ['position', 'kind', 'name', 'widthMm', 'heightMm', 'quantity', 'price'],
        properties: {
          position: wholeNumber(1, 'Position in the order, from 1, unique within the order. Claims name it.'),
          kind: { type: 'string', enum: ITEM_KINDS, description: 'What the construction is.' },
          name: text(300, 'Its name, e.g. "Вікно двостулкове".'),
          widthMm: wholeNumber(1, 'Width in millimetres.'),
          heightMm: wholeNumber(1, 'Height in millimetres.'),
          quantity: wholeNumber(1, 'How many of this construction.'),
          profile: optionalText(200, 'Profile system, e.g. "REHAU Euro-Design 70".'),
          glazing: optionalText(200, 'Glazing formula, e.g. "4-16Ar-4i (аргон, енергозберігаюче скло)".'),
          color: optionalText(200, 'Colour or lamination, e.g. "золотий дуб (ламінація ззовні)".'),
          hardware: optionalText(200, 'Hardware, e.g. "Maco MM". An addition to the contract\'s table: optional, may be left out.'),
          sashes: {
            type: ['array', 'null'],
            maxItems: 20,
            description: 'The sash layout from left to right.',
            items: ref('Sash'),
          },
          extras: {
            type: ['array', 'null'],
            maxItems: 50,
            description: 'Extras, each in words: sill, drip, slopes, mosquito net…',
            items: text(200, 'One extra, e.g. "москітна сітка рамкова".'),
          },
          price: money('Price of one construction (the line costs `price` × `quantity`), not negative.'),
        },
      },
      Sash: {
        type: 'object',
        required: ['widthMm', 'opening'],
        properties: {
          widthMm: wholeNumber(1, 'Width of the sash in millimetres.'),
          opening: {
            type: 'string',
            enum: SASH_OPENINGS,
            description: 'How it opens; left and right as seen from inside the room.',
          },
        },
      },

      OrderStatusData: {
        type: 'object',
        description:
          'An order reached a stage. Always kept in the order\'s history and records when that stage was reached; it becomes the current status only when its `occurredAt` is not older than the event that set the current one. A status of an order the portal does not know yet is parked until the order arrives.',
        required: ['number', 'status'],
        properties: {
          number: text(64, 'The order number.'),
          status: { type: 'string', enum: ORDER_STATUSES, description: 'The stage reached.' },
          itemsDone: optionalWholeNumber(0, 'Constructions made so far (a partly manufactured order: 3 of 4); not more than `itemsTotal`.'),
          itemsTotal: optionalWholeNumber(1, 'Constructions in the order, counting quantities.'),
          note: optionalText(1000, 'A short note for the dealer, e.g. the reason of a cancellation.'),
        },
      },

      ShipmentUpsertedData: {
        type: 'object',
        description:
          'The whole trip, keyed by `number`; newest `occurredAt` wins; `orderNumbers` replaces the orders the trip carried. A trip naming an order the portal does not know yet is parked until that order arrives, so it never shows with orders missing.',
        required: ['number', 'plannedDate', 'status', 'orderNumbers'],
        properties: {
          number: text(64, 'The trip number, e.g. "T-26-10602".'),
          plannedDate: { type: 'string', format: 'date', description: 'Planned delivery date.' },
          status: { type: 'string', enum: SHIPMENT_STATUSES, description: 'Where the trip is.' },
          orderNumbers: {
            type: 'array',
            maxItems: 500,
            description: 'Every order on the trip.',
            items: text(64, 'An order number.'),
          },
          driverName: optionalText(200, "The driver's name; dealers call him."),
          driverPhone: optionalText(40, "The driver's mobile, international format, e.g. \"+380671234508\"."),
          vehicle: optionalText(200, 'The vehicle and its plate, e.g. "MAN TGL 12.250, АА 4821 КТ".'),
          departedAt: optionalDateTime('When the trip left the plant.'),
          deliveredAt: optionalDateTime('When the last delivery of the trip was made.'),
        },
      },

      LedgerEntryData: {
        type: 'object',
        description: `One document of the dealer's settlements, keyed by its \`id\` within the source; newest \`occurredAt\` wins, so a corrected document replaces the old amount and a resent one never counts twice. Direction of \`amount\`:
- \`invoice\`, \`delivery_charge\`: positive, raise what the dealer owes;
- \`payment\`, \`compensation\`: positive, lower what the dealer owes;
- \`opening_balance\`, \`adjustment\`: signed; positive means the dealer owes more, negative less.

An entry of a dealer the portal does not know yet is parked until the dealer arrives.`,
        required: ['id', 'dealerCode', 'kind', 'amount', 'currency', 'date'],
        properties: {
          id: text(128, 'The document id in accounting, unique per source, e.g. "INV-26-004817". Not the event id.'),
          dealerCode: text(32, "The dealer's `code`."),
          kind: { type: 'string', enum: LEDGER_KINDS, description: 'What the document is; it gives the direction of `amount`.' },
          amount: {
            type: 'string',
            pattern: SIGNED_MONEY_PATTERN,
            description:
              'Decimal string. Positive for `invoice`, `delivery_charge`, `payment` and `compensation` (the kind gives the direction); signed for `opening_balance` and `adjustment` (positive: the dealer owes more).',
            examples: ['62760.00', '-120.50'],
          },
          currency,
          date: { type: 'string', format: 'date', description: 'Date of the document.' },
          dueDate: { type: ['string', 'null'], format: 'date', description: 'When it falls due; drives overdue and due-soon.' },
          orderNumber: optionalText(64, 'The order it belongs to, if any; linked when the order arrives.'),
          document: optionalText(300, 'The document as people name it, e.g. "Рахунок-фактура № СФ-26-004817 від 14.04.2026".'),
        },
        // Machine-checkable form of the rule above: the four directional kinds take no minus sign.
        allOf: [
          {
            if: {
              required: ['kind'],
              properties: { kind: { enum: ['invoice', 'delivery_charge', 'payment', 'compensation'] } },
            },
            then: { properties: { amount: { pattern: UNSIGNED_MONEY_PATTERN } } },
          },
        ],
      },

      CatalogItemData: {
        type: 'object',
        description: 'A product or part of the catalogue, keyed by `partNumber`; newest `occurredAt` wins.',
        required: ['partNumber', 'name', 'unit', 'retailPrice', 'dealerPrice', 'currency'],
        properties: {
          partNumber: text(64, 'The part number, e.g. "HRD-ROTO-001".'),
          name: text(300, 'The name dealers see.'),
          unit: text(20, 'Unit of sale, e.g. "шт", "м.п.", "м²", "компл.".'),
          retailPrice: money('Recommended retail price per unit, not negative.'),
          dealerPrice: money('Dealer price per unit, not negative.'),
          promoPrice: optionalMoney('Promotional dealer price while a promotion runs; null or left out when none.'),
          stock: {
            description: 'Quantity in stock in `unit`, not negative, up to 3 decimals: a JSON number or a decimal string.',
            anyOf: [
              { type: 'number', minimum: 0 },
              { type: 'string', pattern: '^\\d{1,11}(\\.\\d{1,3})?$' },
              { type: 'null' },
            ],
          },
          currency,
        },
      },

      BatchResult: {
        type: 'object',
        description: 'One outcome for every event: `accepted + duplicates + rejected.length` = events sent.',
        required: ['accepted', 'duplicates', 'rejected'],
        properties: {
          accepted: {
            type: 'integer',
            minimum: 0,
            description:
              'Events stored for the first time and committed: applied, kept as older than the current state, or parked until their order or dealer arrives.',
          },
          duplicates: {
            type: 'integer',
            minimum: 0,
            description: 'Events whose `(source, id)` the portal already had: no effect. Treat them as delivered.',
          },
          rejected: {
            type: 'array',
            description: 'Events that changed nothing, with the reason. Fix the data and send them again (the same `id` may be reused for the corrected event).',
            items: ref('RejectedEvent'),
          },
        },
      },
      RejectedEvent: {
        type: 'object',
        required: ['index', 'id', 'error'],
        properties: {
          index: { type: 'integer', minimum: 0, description: 'Position of the event in the batch, from 0.' },
          id: {
            type: ['string', 'null'],
            description: "The event's `id`; null when the event had no usable id.",
          },
          error: { type: 'string', description: 'What is wrong, naming the field, in words a person can act on.' },
        },
      },
      Error: {
        type: 'object',
        description: 'A whole-request error: nothing of the batch was stored.',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: {
                type: 'string',
                description: 'Stable machine code: `bad_request`, `unauthorized`, `payload_too_large`, `unsupported_media_type`, `rate_limited`, `unavailable`.',
              },
              message: { type: 'string', description: 'What went wrong, for a person.' },
            },
          },
        },
      },
    },
  },
} as const;

export type SyncOpenApiDocument = typeof syncOpenApiDocument;
