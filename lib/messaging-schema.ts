/**
 * The schema of every message a surface may send to the background worker.
 * Background-only at run time (valibot stays out of the content scripts); others import types.
 */
import * as v from 'valibot';
import { DraftKindSchema, DraftSchema } from './draft-schema';
import { isValidZone } from './retro/zoned-time';

const IssueRefSchema = v.strictObject({
  projectPath: v.pipe(v.string(), v.maxLength(512), v.regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'a project path like group/project')),
  iid: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 31)),
  view: v.picklist(['issues', 'work_items', 'incident']),
});

const ZoneSchema = v.pipe(v.string(), v.maxLength(64), v.check(isValidZone, 'an IANA time zone like Europe/Berlin'));

const UsernameSchema = v.pipe(v.string(), v.trim(), v.regex(/^@?[A-Za-z0-9_.-]{1,255}$/, 'a GitLab username'));

const LabelSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'a label name'), v.maxLength(255), v.regex(/^[^,]*$/, 'no commas in label names'));

const ProjectPathSchema = v.pipe(v.string(), v.trim(), v.maxLength(512), v.regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'a project path like group/project'));
const OptionalLabelSchema = v.pipe(v.string(), v.trim(), v.maxLength(255), v.regex(/^[^,]*$/, 'no commas in label names'));
const byCreatedType = <T extends v.GenericSchema>(schema: T) => v.strictObject({ bug: schema, feature: schema, 'kb-article': schema, handbook: schema });

export const SettingsInputSchema = v.strictObject({
  gitlabUrl: v.pipe(v.string(), v.trim(), v.url('a URL like https://gitlab.com'), v.regex(/^https:\/\//, 'an https:// URL')),
  emergencyProjects: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(512))), v.maxLength(100)),
  rosterText: v.pipe(v.string(), v.maxLength(100_000, 'a roster under 100 kB')),
  labels: v.strictObject({ retro: LabelSchema, retroActions: LabelSchema, customerRetro: LabelSchema }),
  /** Where each kind of follow-up issue is created, and the extra label it gets ('' for none). */
  followUps: v.strictObject({ projects: byCreatedType(ProjectPathSchema), labels: byCreatedType(OptionalLabelSchema) }),
  /** People who can lead a retro; the panel suggests those not involved in the emergency. */
  retroLeads: v.pipe(v.array(UsernameSchema), v.maxLength(200)),
});

const FindingIdSchema = v.pipe(v.string(), v.regex(/^f[a-z0-9]{4,24}$/, 'a finding id'));

const FindingInputSchema = v.strictObject({
  id: FindingIdSchema,
  list: v.picklist(['wentWell', 'couldBeBetter', 'suggestions', 'openQuestions']),
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'the finding text'), v.maxLength(2_000, 'a finding under 2,000 characters')),
  type: v.picklist(['bug', 'feature', 'pm-checkin', 'kb-article', 'handbook']),
});

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('page:visit'), url: v.pipe(v.string(), v.maxLength(4096), v.url()) }),
  v.strictObject({ type: v.literal('retro:load'), ref: IssueRefSchema }),
  v.strictObject({ type: v.literal('retro:apply'), ref: IssueRefSchema, engineer: UsernameSchema }),
  v.strictObject({ type: v.literal('retro:undo'), ref: IssueRefSchema }),
  v.strictObject({ type: v.literal('retro:add-label'), ref: IssueRefSchema }),
  v.strictObject({ type: v.literal('users:search'), query: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)) }),
  v.strictObject({ type: v.literal('roster:add'), engineer: UsernameSchema, manager: UsernameSchema }),
  v.strictObject({ type: v.literal('options:open') }),
  v.strictObject({ type: v.literal('followup:similar'), ref: IssueRefSchema, followUpType: v.picklist(['bug', 'feature', 'kb-article', 'handbook']), title: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(255)), findingId: v.optional(FindingIdSchema) }),
  v.strictObject({ type: v.literal('followup:create'), ref: IssueRefSchema, finding: FindingInputSchema }),
  v.strictObject({ type: v.literal('followup:checkin'), ref: IssueRefSchema, finding: FindingInputSchema, target: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(1_000)) }),
  v.strictObject({ type: v.literal('retro:leads'), ref: IssueRefSchema }),
  v.strictObject({ type: v.literal('retro:notes'), ref: IssueRefSchema, zone: ZoneSchema, lead: v.optional(UsernameSchema) }),
  v.strictObject({ type: v.literal('settings:load') }),
  v.strictObject({
    type: v.literal('settings:save'),
    settings: SettingsInputSchema,
    /** Omitted: keep the stored token. Empty string: forget it. */
    token: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(512))),
  }),
  /** Asks GitLab whether the saved token still works (options page, on open). */
  v.strictObject({ type: v.literal('token:check') }),
  /** Forgets the saved token (options page): every surface then shows the not-configured state. */
  v.strictObject({ type: v.literal('token:remove') }),
  v.strictObject({ type: v.literal('myretros:cached') }),
  v.strictObject({ type: v.literal('myretros:refresh') }),
  v.strictObject({
    type: v.literal('myretros:more'),
    label: v.picklist(['retro', 'retroActions']),
    page: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(1000)),
  }),
  v.strictObject({ type: v.literal('review:cached') }),
  v.strictObject({ type: v.literal('review:refresh') }),
  v.strictObject({ type: v.literal('timeline:load-ui') }),
  v.strictObject({ type: v.literal('draft:load'), ref: IssueRefSchema, kind: DraftKindSchema }),
  v.strictObject({ type: v.literal('draft:save'), ref: IssueRefSchema, baseRevision: v.pipe(v.number(), v.integer(), v.minValue(0)), draft: DraftSchema }),
  v.strictObject({ type: v.literal('timeline:candidates'), ref: IssueRefSchema }),
  v.strictObject({
    type: v.literal('timeline:parse'),
    text: v.pipe(v.string(), v.maxLength(2_000_000, 'a transcript under 2 MB')),
    date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-03-04')),
    zone: ZoneSchema,
  }),
  v.strictObject({
    type: v.literal('timeline:publish'),
    ref: IssueRefSchema,
    revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
    internal: v.boolean(),
    incidentEvents: v.boolean(),
    zone: ZoneSchema,
  }),
]);

/** Message types a content script on a GitLab page may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<string> = new Set([
  'page:visit',
  'retro:load',
  'retro:apply',
  'retro:undo',
  'retro:add-label',
  'users:search',
  'roster:add',
  'options:open',
  'followup:similar',
  'followup:create',
  'followup:checkin',
  'retro:leads',
  'retro:notes',
  'timeline:load-ui',
  'draft:load',
  'draft:save',
  'timeline:candidates',
  'timeline:parse',
  'timeline:publish',
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type SettingsInput = v.InferOutput<typeof SettingsInputSchema>;

export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; detail: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, detail: `${path ? `${path}: ` : ''}expected ${issue?.expected ?? 'a known message'}` };
}
