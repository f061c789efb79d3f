import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { Result, SettingsInput, SettingsView } from '@/lib/messaging';
import { ErrorNotice } from './ErrorNotice';
import { TokenStatus, type TokenCheck } from './TokenStatus';
import { RemoveToken } from './RemoveToken';
import { CREATED_FOLLOW_UPS, checkFields, createTokenUrl, fieldsOf, type CreatedFollowUp, type FieldErrors, type OptionsFields } from './options-form';
import { FOLLOW_UP_TITLES } from '@/lib/retro/findings';

interface Props {
  load(): Promise<Result<SettingsView>>;
  save(settings: SettingsInput, token: string | undefined): Promise<Result<SettingsView>>;
  /** Asks GitLab about the saved token again. */
  check(): Promise<Result<SettingsView>>;
  /** Forgets the saved token. */
  removeToken(): Promise<Result<SettingsView>>;
  now(): Date;
  /** Unsaved text survives a reload of the page (the token is never kept there). */
  draftStore: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const DRAFT_KEY = 'options-draft';

/** What was typed and not saved, with the saved settings it started from. */
interface OptionsDraft {
  base: OptionsFields | null;
  fields: OptionsFields;
}

function readDraft(store: Props['draftStore']): OptionsDraft | null {
  try {
    const stored = JSON.parse(store.getItem(DRAFT_KEY) ?? 'null') as OptionsDraft | OptionsFields | null;
    if (!stored) return null;
    // Drafts kept before the base was recorded are the fields alone.
    return 'fields' in stored ? stored : { base: null, fields: stored };
  } catch {
    return null;
  }
}

const same = (a: OptionsFields | null, b: OptionsFields) => JSON.stringify(a) === JSON.stringify(b);

function Field({ label, error, children }: { label: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label>
        <span class="label">{label}</span>
        {children}
      </label>
      {error && <p class="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function OptionsPage({ load, save, check, removeToken, now, draftStore }: Props) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [tokenCheck, setTokenCheck] = useState<TokenCheck>(null);
  const [fields, setFields] = useState<OptionsFields | null>(null);
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ saving: boolean; message: string; error: ApiError | null }>({ saving: false, message: '', error: null });
  // Unsaved changes from an earlier visit: restored if the saved settings are still what they started from, set aside otherwise.
  const [draftNotice, setDraftNotice] = useState<{ restored: boolean; draft: OptionsDraft } | null>(null);

  useEffect(() => {
    void load().then((reply) => {
      if (!reply.ok) return setLoadError(reply.error);
      setView(reply.data);
      const saved = fieldsOf(reply.data.settings);
      const draft = readDraft(draftStore);
      const restored = !!draft && (!draft.base || same(draft.base, saved));
      setFields(restored ? draft.fields : saved);
      if (draft && !same(draft.fields, saved)) setDraftNotice({ restored, draft });
      if (reply.data.hasToken) void recheck();
    });
  }, []);

  // The stored status is shown meanwhile: it was true when saved, and may not be now (revoked, expired).
  const recheck = async () => {
    setTokenCheck({ state: 'checking' });
    const reply = await check();
    const error = reply.ok ? reply.data.tokenError : reply.error;
    // Only the token part: the form's base stays the settings it was loaded with.
    if (reply.ok) setView((current) => current && { ...current, hasToken: reply.data.hasToken, token: reply.data.token });
    setTokenCheck(error ? { state: 'failed', error } : { state: 'checked' });
  };

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!view || !fields) return <p role="status">Loading options…</p>;

  const saved = fieldsOf(view.settings);
  const update = (next: OptionsFields) => {
    setFields(next);
    draftStore.setItem(DRAFT_KEY, JSON.stringify({ base: saved, fields: next } satisfies OptionsDraft));
  };
  const takeDraft = (use: boolean) => {
    if (use && draftNotice) update(draftNotice.draft.fields);
    else {
      setFields(saved);
      draftStore.removeItem(DRAFT_KEY);
    }
    setDraftNotice(null);
  };
  const text = (key: 'gitlabUrl' | 'emergencyProjects' | 'rosterText' | 'retroLeads') => (event: Event) =>
    update({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value });
  const label = (key: keyof OptionsFields['labels']) => (event: Event) =>
    update({ ...fields, labels: { ...fields.labels, [key]: (event.currentTarget as HTMLInputElement).value } });

  const followUp = (part: 'projects' | 'labels', type: CreatedFollowUp) => (event: Event) =>
    update({ ...fields, followUps: { ...fields.followUps, [part]: { ...fields.followUps[part], [type]: (event.currentTarget as HTMLInputElement).value } } });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkFields(fields);
    setErrors(checked.errors);
    if (!checked.settings) return setStatus({ saving: false, message: 'Nothing was saved: fix the fields marked with a message.', error: null });
    setStatus({ saving: true, message: 'Saving…', error: null });
    // Saved elsewhere while this page was open (a manager added from the panel): never overwritten unseen.
    const latest = await load();
    if (latest.ok && !same(fieldsOf(latest.data.settings), saved)) {
      const now = fieldsOf(latest.data.settings);
      setView(latest.data);
      setFields(now);
      draftStore.setItem(DRAFT_KEY, JSON.stringify({ base: now, fields } satisfies OptionsDraft));
      setDraftNotice({ restored: false, draft: { base: now, fields } });
      return setStatus({ saving: false, message: 'Nothing was saved: the settings were changed elsewhere while this page was open. The form shows them now; your changes are kept below.', error: null });
    }
    const reply = await save(checked.settings, token.trim() || undefined);
    if (!reply.ok) return setStatus({ saving: false, message: '', error: reply.error });
    setView(reply.data);
    // A new token GitLab just accepted needs no other check.
    if (token.trim() && !reply.data.tokenError) setTokenCheck(null);
    draftStore.removeItem(DRAFT_KEY);
    setDraftNotice(null);
    const tokenError = reply.data.tokenError;
    if (tokenError) {
      // A refusal is about the token; an outage, a rate limit or a wrong address is not.
      const refused = tokenError.kind === 'unauthorized' || tokenError.kind === 'insufficient-scope' || tokenError.kind === 'forbidden';
      const error = tokenError.kind === 'not-found'
        ? { ...tokenError, message: 'GitLab answered "not found" when asked who this token signs in as: check the GitLab URL, then save again.' }
        : tokenError;
      return setStatus({ saving: false, message: `Settings saved, but the token was not: ${refused ? 'GitLab refused it' : 'GitLab could not check it'}.`, error });
    }
    setToken('');
    setStatus({ saving: false, message: 'Saved.', error: null });
  };

  const remove = async () => {
    const reply = await removeToken();
    if (!reply.ok) return setStatus({ saving: false, message: 'The token was not removed.', error: reply.error });
    setView((current) => current && { ...current, hasToken: reply.data.hasToken, token: reply.data.token });
    setTokenCheck(null);
    setToken('');
    setStatus({ saving: false, message: 'Token removed: the extension sends nothing to GitLab until you save a token again.', error: null });
    document.getElementById('token-input')?.focus();
  };

  return (
    <form class="options" onSubmit={submit} noValidate>
      <h1>Emergency Retro for GitLab</h1>
      {draftNotice && (
        <div class="notice" role="status" data-testid="draft-notice">
          {draftNotice.restored ? (
            <p>Your unsaved changes from an earlier visit are back in the form below. <button type="button" onClick={() => takeDraft(false)}>Discard them</button></p>
          ) : (
            <p>The saved settings changed since you edited here without saving (for example, a manager added from the panel), so the form shows what is saved now. <button type="button" onClick={() => takeDraft(true)}>Use my unsaved changes instead</button></p>
          )}
        </div>
      )}
      <Field label="GitLab URL" error={errors.gitlabUrl}>
        <input type="url" value={fields.gitlabUrl} onInput={text('gitlabUrl')} required />
      </Field>
      <Field label="Personal access token">
        <input type="password" id="token-input" value={token} autocomplete="off" placeholder={view.hasToken ? 'Saved. Type a new one to replace it.' : 'glpat-…'}
          onInput={(event) => setToken(event.currentTarget.value)} />
      </Field>
      <p class="muted">
        <a href={createTokenUrl(fields.gitlabUrl)} target="_blank" rel="noopener noreferrer">Create a token</a> with the api scope on your GitLab, then paste it here.
      </p>
      <TokenStatus view={view} check={tokenCheck} today={now()} />
      {view.hasToken && <RemoveToken onRemove={remove} />}
      <Field label="Emergency projects" error={errors.emergencyProjects}>
        <textarea rows={3} value={fields.emergencyProjects} onInput={text('emergencyProjects')} spellcheck={false} />
      </Field>
      <p class="muted">One project path per line. The retro panel appears only on issues of these projects.</p>
      <Field label="Manager roster" error={errors.rosterText}>
        <textarea rows={8} value={fields.rosterText} onInput={text('rosterText')} spellcheck={false}
          placeholder={'sam-support: maria-manager\n# or CSV: sam-support,maria-manager\n# or JSON: {"sam-support": "maria-manager"}'} />
      </Field>
      <p class="muted">Which manager each support engineer reports to, by GitLab username: YAML, CSV or JSON; a leading @ is fine.</p>
      <fieldset>
        <legend>Label names</legend>
        <Field label="Retro label" error={errors.retro}><input value={fields.labels.retro} onInput={label('retro')} /></Field>
        <Field label="Retro-actions label" error={errors.retroActions}><input value={fields.labels.retroActions} onInput={label('retroActions')} /></Field>
        <Field label="Customer-retro label" error={errors.customerRetro}><input value={fields.labels.customerRetro} onInput={label('customerRetro')} /></Field>
      </fieldset>
      <fieldset>
        <legend>Follow-up issues</legend>
        <p class="muted">Where each kind of follow-up is created, and an extra label it gets besides <code>{fields.labels.customerRetro}</code>.</p>
        {CREATED_FOLLOW_UPS.map((type) => (
          <div class="pair" key={type}>
            <Field label={`${FOLLOW_UP_TITLES[type]}: project`} error={errors[`project-${type}`]}>
              <input value={fields.followUps.projects[type]} onInput={followUp('projects', type)} spellcheck={false} />
            </Field>
            <Field label={`${FOLLOW_UP_TITLES[type]}: extra label`} error={errors[`label-${type}`]}>
              <input value={fields.followUps.labels[type]} onInput={followUp('labels', type)} placeholder="none" />
            </Field>
          </div>
        ))}
      </fieldset>
      <Field label="Retro leads" error={errors.retroLeads}>
        <textarea rows={3} value={fields.retroLeads} onInput={text('retroLeads')} spellcheck={false} placeholder="lee-lead" />
      </Field>
      <p class="muted">GitLab usernames of people who can lead a retro, one per line. The panel suggests those not involved in the emergency.</p>
      <div class="actions">
        <button type="submit" class="primary" disabled={status.saving}>Save</button>
        <span role="status" data-testid="save-status">{status.message}</span>
      </div>
      {status.error && <ErrorNotice error={status.error} />}
    </form>
  );
}
