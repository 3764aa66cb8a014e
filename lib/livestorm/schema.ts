import { z } from 'zod';

/**
 * Zod schemas of Livestorm's JSON:API wire format (docs/livestorm-api.md §4).
 * Lenient where the reference reports disagreeing sources, strict on what the site relies on.
 */

/** Unix seconds; `0` (and null, seen in older payloads) means "has not happened". */
export const unixSeconds = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d+$/).transform(Number),
  z.null().transform(() => 0),
]);

const nullableString = z.string().nullish().transform((value) => value ?? null);
const nullableNumber = z.number().nullish().transform((value) => value ?? null);

export function resource<T extends string, A extends z.ZodType>(type: T, attributes: A) {
  return z.object({
    id: z.string().min(1),
    type: z.literal(type),
    attributes,
    relationships: z
      .record(z.string(), z.object({ data: z.union([z.array(z.object({ type: z.string(), id: z.string() })), z.null()]).optional() }))
      .optional(),
  });
}

export const pageMeta = z.object({
  current_page: z.number().int().nullish(),
  previous_page: z.number().int().nullish(),
  next_page: z.number().int().nullish(),
  record_count: z.number().int().nullish(),
  page_count: z.number().int().nullish(),
  items_per_page: z.number().int().nullish(),
});
export type PageMeta = z.infer<typeof pageMeta>;

const includedResource = z.object({ id: z.string(), type: z.string(), attributes: z.unknown() });

export function listDocument<R extends z.ZodType>(item: R) {
  return z.object({
    data: z.array(item),
    included: z.array(includedResource).optional(),
    meta: pageMeta.optional(),
  });
}

export function singleDocument<R extends z.ZodType>(item: R) {
  return z.object({ data: item, included: z.array(includedResource).optional() });
}

export const errorDocument = z.object({
  errors: z
    .array(
      z.object({
        title: z.string().nullish(),
        detail: z.string().nullish(),
        code: z.union([z.string(), z.number()]).nullish(),
        status: z.union([z.string(), z.number()]).nullish(),
      }),
    )
    .min(1),
});

/** Choice options: `{items:[{value}], multiple_answers}` (2021 spec) or a bare array (tolerated). */
const fieldOptions = z.union([
  z.object({
    items: z.array(z.union([z.object({ value: z.string() }), z.string()])).default([]),
    multiple_answers: z.boolean().nullish(),
  }),
  z.array(z.union([z.object({ value: z.string() }), z.string()])),
  z.null(),
]);

export const wireField = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  order: z.number().int().nullish(),
  required: z.boolean().nullish(),
  custom: z.boolean().nullish(),
  options: fieldOptions.optional(),
});
export type WireField = z.infer<typeof wireField>;

const owner = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.object({
    first_name: nullableString,
    last_name: nullableString,
    avatar_link: nullableString,
    timezone: nullableString,
  }),
});

export const eventAttributes = z.object({
  title: z.string(),
  slug: z.string().min(1),
  registration_link: nullableString,
  estimated_duration: nullableNumber,
  description: nullableString,
  status: z.string(),
  scheduling_status: nullableString,
  show_in_company_page: z.boolean().nullish(),
  language: nullableString,
  published_at: unixSeconds.default(0),
  created_at: unixSeconds.default(0),
  updated_at: unixSeconds.default(0),
  owner: owner.nullish(),
  fields: z.array(wireField).nullish().transform((fields) => fields ?? []),
});
export const eventResource = resource('events', eventAttributes);
export type WireEvent = z.infer<typeof eventResource>;

export const sessionAttributes = z.object({
  event_id: z.string().min(1),
  status: z.string(),
  timezone: nullableString,
  room_link: nullableString,
  name: nullableString,
  estimated_started_at: unixSeconds,
  started_at: unixSeconds.default(0),
  ended_at: unixSeconds.default(0),
  canceled_at: unixSeconds.default(0),
  duration: nullableNumber,
  registrants_count: z.number().int().nullish().transform((count) => count ?? 0),
  updated_at: unixSeconds.default(0),
});
export const sessionResource = resource('sessions', sessionAttributes);
export type WireSession = z.infer<typeof sessionResource>;

export const eventList = listDocument(eventResource);
export const sessionList = listDocument(sessionResource);
export const eventDocument = singleDocument(eventResource);

/**
 * A resource whose relationships are not read, so not validated: used where a schema failure would
 * cost more than it reveals (after a registration has already happened upstream).
 */
export function attributesOnly<T extends string, A extends z.ZodType>(type: T, attributes: A) {
  return z.object({ id: z.string().min(1), type: z.literal(type), attributes });
}

/** 201 of `POST /sessions/{id}/people` (§4.4, example D): only the personal join link is read. */
export const registeredPersonDocument = singleDocument(
  attributesOnly(
    'people',
    z.object({ registrant_detail: z.object({ connection_link: nullableString }).nullish() }),
  ),
);

/** `GET /sessions/{id}/people?filter[email]=`: the email confirms the filter was applied. */
export const sessionPersonList = listDocument(attributesOnly('people', z.object({ email: nullableString })));

/** Just enough of a session and its event to tell "closed" from any other refusal. */
export const sessionStatusDocument = singleDocument(
  attributesOnly('sessions', z.object({ status: z.string(), event_id: nullableString })),
);
export const eventStatusDocument = singleDocument(attributesOnly('events', z.object({ status: nullableString })));

/** `GET /people_attributes`: workspace field labels. Types beyond the documented seven are tolerated. */
export const peopleAttributeResource = attributesOnly(
  'people_attributes',
  z.object({
    name: nullableString,
    slug: z.string().min(1),
    type: nullableString,
    builtin: z.boolean().nullish(),
    placeholder: nullableString,
  }),
);
export type WirePeopleAttribute = z.infer<typeof peopleAttributeResource>;

/** A webhook subscription (§8.1, example G): one event per subscription, for the whole workspace. */
export const webhookResource = attributesOnly(
  'webhooks',
  z.object({
    url: z.string().min(1),
    event: z.string().min(1),
    created_at: unixSeconds.default(0),
  }),
);
export type WireWebhook = z.infer<typeof webhookResource>;
export const webhookDocument = singleDocument(webhookResource);

/**
 * A webhook delivery (§8.3, example F): the resource as the REST API shows it, with the event name
 * in `data.meta.webhook`. Attributes stay unvalidated here: each resource type reads its own few.
 */
export const webhookEnvelope = z.object({
  data: z.object({
    id: z.string().min(1),
    type: z.string().min(1),
    attributes: z.record(z.string(), z.unknown()),
    meta: z.object({
      webhook: z.object({ event: z.string().min(1), organization_id: z.string().nullish() }),
    }),
  }),
});
