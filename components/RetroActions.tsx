import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { IssueSummary, PanelData } from '@/lib/messaging';
import { dueDateOneWeekFrom, formatCalendarDate } from '@/lib/retro/due-date';
import { managerOf } from '@/lib/retro/roster-lookup';
import { planRetroActions } from '@/lib/retro/retro-actions';
import { hasLabel } from '@/lib/retro/labels';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';
import { ManagerFinder } from './ManagerFinder';

interface Props {
  /** Open items remain and retro-actions are not applied: the handbook's step 5 is due. */
  highlight?: boolean;
  data: PanelData;
  client: PanelClient;
  onChange(next: Partial<PanelData>): void;
  /** The responding support engineer, as typed. */
  engineer: string;
  onEngineer(engineer: string): void;
}

function storedSummary(issue: IssueSummary): string {
  const due = issue.dueDate ? `due ${formatCalendarDate(issue.dueDate)}` : 'no due date';
  const who = issue.assignees.map((user) => `@${user.username}`).join(', ') || 'nobody';
  return `GitLab now has labels ${issue.labels.join(', ') || 'none'}; ${due}; assigned to ${who}. Reload the page to see it in GitLab's sidebar.`;
}

/** Step 5 of the handbook in one click: preview, apply, report what GitLab stored, undo. */
export function RetroActions({ data, client, onChange, highlight = false, engineer, onEngineer }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState('');
  // What "Try again" repeats: the write that failed, never another one.
  const [lastAction, setLastAction] = useState<'apply' | 'undo' | 'add-label'>('apply');

  const { issue, labels, roster } = data;
  const name = engineer.trim().replace(/^@/, '');
  const manager = name ? managerOf(roster, name) : undefined;
  const managerId = issue.assignees.find((user) => user.username.toLowerCase() === manager)?.id ?? -1;
  const plan = planRetroActions(
    { labels: issue.labels, dueDate: issue.dueDate, assigneeIds: issue.assignees.map((user) => user.id) },
    labels.retroActions,
    managerId,
    dueDateOneWeekFrom(new Date()),
  );

  const addRetroLabel = async () => {
    setBusy(true);
    setError(null);
    setLastAction('add-label');
    const reply = await client.addRetroLabel();
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    onChange({ issue: reply.data.issue });
    setOutcome(`Added the ${labels.retro} label.`);
  };

  const run = async (action: 'apply' | 'undo') => {
    setBusy(true);
    setError(null);
    setLastAction(action);
    const reply = action === 'apply' ? await client.apply(name) : await client.undo();
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    if ('alreadyApplied' in reply.data) {
      const { issue: stored, applied, alreadyApplied, managerDropped } = reply.data;
      onChange({ issue: stored, applied });
      setOutcome(
        alreadyApplied
          ? 'Retro-actions were already applied: nothing was sent.'
          : `${storedSummary(stored)}${managerDropped ? ` GitLab kept only one assignee (GitLab Free allows one), so @${manager} is not assigned.` : ''}`,
      );
    } else {
      onChange({ issue: reply.data.issue, applied: null });
      setOutcome(reply.data.reverted ? `Undone. ${storedSummary(reply.data.issue)}` : 'Nothing to undo: the changes were already reverted in GitLab.');
    }
  };

  return (
    <div class="retro-actions">
      <label class="field">
        <span>Responding support engineer</span>
        <input value={engineer} list="retro-engineers" autocomplete="off" onInput={(event) => onEngineer(event.currentTarget.value)} />
        <small class="hint">The issue's assignee by default; change it if someone else responded.</small>
        <datalist id="retro-engineers">
          {issue.assignees.map((user) => <option key={user.id} value={user.username} />)}
        </datalist>
      </label>
      <p class="manager" data-testid="manager">
        Manager: {manager ? `@${manager}` : name ? 'not in the roster' : 'choose the engineer first'}
      </p>
      {name && !manager && (
        <ManagerFinder engineer={name} client={client} onAdded={(_manager, nextRoster) => onChange({ roster: nextRoster })} />
      )}
      {manager && (plan.alreadyApplied ? (
        <p class="preview" data-testid="preview">Retro-actions are applied: label, due date and manager are set.</p>
      ) : (
        <div class="preview" data-testid="preview">
          <p>Apply will:</p>
          <ul>
            {plan.addsLabel && <li>add the label <code>{labels.retroActions}</code></li>}
            {plan.changesDueDate && <li>set the due date to {formatCalendarDate(plan.dueDate)} (now {issue.dueDate ? formatCalendarDate(issue.dueDate) : 'none'})</li>}
            {plan.addsManager && <li>assign @{manager}, keeping the current assignees</li>}
          </ul>
        </div>
      ))}
      {!hasLabel(issue.labels, labels.retro) && (
        <div data-testid="retro-label-hint">
          <p class="hint">This issue has no <code>{labels.retro}</code> label yet, so GitLab's Retros board does not list it.</p>
          <button type="button" disabled={busy || !data.canWrite} onClick={addRetroLabel}>Add the {labels.retro} label</button>
        </div>
      )}
      {!data.canWrite && <p class="hint">Your token is read-only (no api scope): create a token with the api scope in the options to apply.</p>}
      <div class="row">
        {highlight && <p class="highlight-note" data-testid="apply-due">Open items remain: apply retro-actions so the manager owns them.</p>}
        <button type="button" class={highlight ? 'primary highlight' : 'primary'} disabled={busy || !manager || plan.alreadyApplied || !data.canWrite} onClick={() => run('apply')}>
          Apply retro-actions
        </button>
        {data.applied && (
          <button type="button" disabled={busy || !data.canWrite} onClick={() => run('undo')}>Undo</button>
        )}
      </div>
      <p role="status" class="outcome" data-testid="outcome">{busy ? 'Working…' : outcome}</p>
      {error && <ErrorNotice error={error} onRetry={() => (lastAction === 'add-label' ? addRetroLabel() : run(lastAction))} onOpenOptions={client.openOptions} />}
    </div>
  );
}
