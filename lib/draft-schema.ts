/**
 * valibot schemas of drafts the panel may save (background-only at run time, like messaging-schema).
 * One schema per kind: the timeline and the findings.
 */
import * as v from 'valibot';
import { TIMELINE_TAGS } from './retro/timeline-entry';
import { PASTE_DRAFT_MAX, TIMELINE_MAX } from './timeline-draft';
import { FINDINGS_MAX } from './findings-draft';

const IsoInstant = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/, 'an ISO time in UTC'));
const HttpUrl = v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^https?:\/\//i, 'an http(s) link'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const TimelineEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  at: IsoInstant,
  text: Text(TIMELINE_MAX.text),
  link: v.optional(HttpUrl),
  tag: v.optional(v.picklist(TIMELINE_TAGS as string[])),
  source: v.optional(Text(100)),
  internal: v.optional(v.literal(true)),
});

const TimelineDraftSchema = v.strictObject({
  kind: v.literal('timeline'),
  data: v.strictObject({
    entries: v.pipe(v.array(TimelineEntrySchema), v.maxLength(TIMELINE_MAX.entries)),
    unplaced: v.pipe(v.array(v.strictObject({ line: v.number(), text: Text(TIMELINE_MAX.text), reason: Text(200), date: v.optional(Text(10)), time: v.optional(Text(8)) })), v.maxLength(TIMELINE_MAX.unplaced)),
    form: v.nullable(v.strictObject({ id: Text(64), date: Text(10), time: Text(8), text: Text(TIMELINE_MAX.text), link: Text(2048), tag: Text(64) })),
    paste: v.optional(Text(PASTE_DRAFT_MAX)),
    pasteDay: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date'))),
  }),
});

const FollowUpLinkSchema = v.strictObject({ reference: Text(600), webUrl: HttpUrl, kind: v.picklist(['created', 'check-in']) });

const FindingSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^f[a-z0-9]{4,24}$/, 'a finding id')),
  list: v.picklist(['wentWell', 'couldBeBetter', 'suggestions', 'openQuestions']),
  text: Text(2000),
  type: v.optional(v.picklist(['bug', 'feature', 'pm-checkin', 'kb-article', 'handbook', 'no-action'])),
  reason: v.optional(Text(1000)),
  owner: v.optional(Text(255)),
  state: v.picklist(['open', 'done']),
  followUp: v.optional(FollowUpLinkSchema),
  checkInTarget: v.optional(Text(600)),
});

const FindingsDraftSchema = v.strictObject({
  kind: v.literal('findings'),
  data: v.strictObject({ findings: v.pipe(v.array(FindingSchema), v.maxLength(FINDINGS_MAX, `at most ${FINDINGS_MAX} findings`)), lead: v.optional(Text(255)), engineer: v.optional(Text(255)) }),
});

export const DraftSchema = v.variant('kind', [TimelineDraftSchema, FindingsDraftSchema]);
export const DraftKindSchema = v.picklist(['timeline', 'findings']);
