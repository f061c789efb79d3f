/** The label names the retro workflow uses; configurable because teams rename labels. */
export interface LabelNames {
  retro: string;
  retroActions: string;
  customerRetro: string;
}

/** The names from Support's handbook page. */
export const DEFAULT_LABELS: Readonly<LabelNames> = Object.freeze({
  retro: 'retro',
  retroActions: 'retro-actions',
  customerRetro: 'customer-retro',
});

/** An error message for the options page, or null when GitLab will accept the name. */
export function validateLabelName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a label name.';
  // The REST API takes labels as a comma-separated list, so a comma would split the label.
  if (trimmed.includes(',')) return 'Label names cannot contain commas.';
  if (trimmed.length > 255) return 'Label names can be at most 255 characters.';
  return null;
}

/** GitLab keeps label titles unique per project regardless of case, so compare that way. */
export function hasLabel(labels: readonly string[], name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return wanted !== '' && labels.some((label) => label.trim().toLowerCase() === wanted);
}
