import { FINDING_LISTS, LIST_TITLES, newFindingId, type Finding, type FindingList } from '@/lib/retro/findings';
import type { FollowUpClient } from './panel-client';
import { FindingRow } from './FindingRow';

interface Props {
  findings: Finding[];
  client: FollowUpClient;
  canWrite: boolean;
  /** Gets a change, applied to the findings as they are when it lands (a follow-up reply may come late). */
  onChange(change: (findings: Finding[]) => Finding[]): void;
  onOpenOptions(): void;
}

/** What went well, what could have gone better, suggestions and open questions. */
export function FindingsSection({ findings, client, canWrite, onChange, onOpenOptions }: Props) {
  const add = (list: FindingList) => onChange((all) => [...all, { id: newFindingId(new Date()), list, text: '', state: 'open' }]);
  const patch = (id: string, change: Partial<Finding>) => onChange((all) => all.map((finding) => (finding.id === id ? { ...finding, ...change } : finding)));
  const remove = (id: string) => onChange((all) => all.filter((finding) => finding.id !== id));
  return (
    <div class="findings" data-testid="findings">
      {FINDING_LISTS.map((list) => {
        const items = findings.filter((finding) => finding.list === list);
        return (
          <section key={list} aria-label={LIST_TITLES[list]} class="finding-list">
            <h3>{LIST_TITLES[list]}</h3>
            {items.length === 0 && <p class="muted">Nothing recorded yet.</p>}
            <ul>
              {items.map((finding, index) => (
                <FindingRow key={finding.id} finding={finding} label={`${LIST_TITLES[list]} ${index + 1}`} client={client} canWrite={canWrite}
                  onChange={(change) => patch(finding.id, change)} onRemove={() => remove(finding.id)} onOpenOptions={onOpenOptions} />
              ))}
            </ul>
            <button type="button" onClick={() => add(list)}>Add to “{LIST_TITLES[list]}”</button>
          </section>
        );
      })}
    </div>
  );
}
