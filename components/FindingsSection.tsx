import { useRef } from 'preact/hooks';
import { FINDING_LISTS, LIST_TITLES, newFindingId, type Finding, type FindingList } from '@/lib/retro/findings';
import type { FollowUpClient } from './panel-client';
import { FindingRow } from './FindingRow';
import { useFocusAfterRender } from './use-focus-after-render';

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
  // A keyboard user types into a finding as soon as it is added, and stays in the list after a removal.
  const root = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const textOf = (id: string | undefined) => root.current?.querySelector(`[data-finding="${id}"] textarea`);
  const add = (list: FindingList) => {
    const id = newFindingId(new Date());
    onChange((all) => [...all, { id, list, text: '', state: 'open' }]);
    focusAfterRender(() => textOf(id));
  };
  const patch = (id: string, change: Partial<Finding>) => onChange((all) => all.map((finding) => (finding.id === id ? { ...finding, ...change } : finding)));
  const remove = ({ id, list }: Finding) => {
    const siblings = findings.filter((finding) => finding.list === list);
    const index = siblings.findIndex((finding) => finding.id === id);
    const neighbour = siblings[index + 1] ?? siblings[index - 1];
    onChange((all) => all.filter((finding) => finding.id !== id));
    focusAfterRender(() => textOf(neighbour?.id) ?? root.current?.querySelector(`[data-add="${list}"]`));
  };
  return (
    <div class="findings" data-testid="findings" ref={root}>
      {FINDING_LISTS.map((list) => {
        const items = findings.filter((finding) => finding.list === list);
        return (
          <section key={list} aria-label={LIST_TITLES[list]} class="finding-list">
            <h3>{LIST_TITLES[list]}</h3>
            {items.length === 0 && <p class="muted">Nothing recorded yet.</p>}
            <ul>
              {items.map((finding, index) => (
                <FindingRow key={finding.id} finding={finding} label={`${LIST_TITLES[list]} ${index + 1}`} client={client} canWrite={canWrite}
                  onChange={(change) => patch(finding.id, change)} onRemove={() => remove(finding)} onOpenOptions={onOpenOptions} />
              ))}
            </ul>
            <button type="button" data-add={list} onClick={() => add(list)}>Add to “{LIST_TITLES[list]}”</button>
          </section>
        );
      })}
    </div>
  );
}
