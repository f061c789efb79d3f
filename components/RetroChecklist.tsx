import type { Checklist } from '@/lib/retro/checklist';

/** The handbook's steps, ticked from GitLab and the draft. */
export function RetroChecklist({ checklist }: { checklist: Checklist }) {
  const done = checklist.steps.filter((step) => step.done).length;
  return (
    <div class="checklist" data-testid="checklist">
      <h3>
        Retro steps <span class="muted">{done} of {checklist.steps.length} done</span>
      </h3>
      <ul>
        {checklist.steps.map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done ? 'yes' : 'no'}>
            <span aria-hidden="true" class={step.done ? 'tick done' : 'tick'}>{step.done ? '✓' : '○'}</span>
            <span>
              <span class="visually-hidden">{step.done ? 'Done: ' : 'To do: '}</span>
              {/* A label name is written in backticks: shown as code, like the status list below. */}
              {step.text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
