/**
 * The handbook's retro steps as a live checklist, computed from what GitLab has (labels, due
 * date, assignees) and what the draft has (timeline, findings).
 */
import { hasLabel, type LabelNames } from './labels';
import { isOpenItem, type Finding, type FindingList } from './findings';

export interface ChecklistInput {
  labels: readonly string[];
  dueDate: string | null;
  assigneeUsernames: readonly string[];
  /** The responding engineer's manager, when the roster knows them. */
  manager: string | undefined;
  labelNames: LabelNames;
  timelineEntries: number;
  findings: readonly Finding[];
}

export interface ChecklistStep {
  id: string;
  text: string;
  done: boolean;
}

export interface Checklist {
  steps: ChecklistStep[];
  openItems: number;
  retroActionsApplied: boolean;
  /** "Apply retro-actions" is highlighted exactly when open items exist and it has not been applied. */
  highlightApply: boolean;
}

const recorded = (findings: readonly Finding[], list: FindingList) => findings.some((f) => f.list === list && f.text.trim() !== '');

export function retroChecklist(input: ChecklistInput): Checklist {
  const { labelNames, findings } = input;
  const managerAssigned = !!input.manager && input.assigneeUsernames.some((name) => name.toLowerCase() === input.manager);
  const retroActionsApplied = hasLabel(input.labels, labelNames.retroActions) && input.dueDate !== null && managerAssigned;
  const openItems = findings.filter(isOpenItem).length;
  const steps: ChecklistStep[] = [
    { id: 'retro-label', text: `\`${labelNames.retro}\` label applied`, done: hasLabel(input.labels, labelNames.retro) },
    { id: 'timeline', text: 'Timeline given', done: input.timelineEntries > 0 },
    { id: 'went-well', text: 'What went well recorded', done: recorded(findings, 'wentWell') },
    { id: 'could-be-better', text: 'What could have gone better recorded', done: recorded(findings, 'couldBeBetter') },
    { id: 'suggestions', text: 'Suggestions recorded', done: recorded(findings, 'suggestions') },
  ];
  if (openItems > 0) {
    steps.push({ id: 'retro-actions', text: `Open items remain: \`${labelNames.retroActions}\`, due date and manager`, done: retroActionsApplied });
  }
  return { steps, openItems, retroActionsApplied, highlightApply: openItems > 0 && !retroActionsApplied };
}
