/** RetroItem builder for domain and component tests. */
import type { RetroItem } from '@/lib/retro/retro-item';

export function retroItem(p: Partial<RetroItem> & { iid: number }): RetroItem {
  const projectPath = p.projectPath ?? 'gitlab-com/support/readiness/emergencies';
  return {
    key: `${projectPath}#${p.iid}`,
    projectPath,
    title: `Retro ${p.iid}`,
    webUrl: `https://gitlab.com/${projectPath}/-/issues/${p.iid}`,
    labels: ['retro', 'retro-actions'],
    dueDate: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    assignees: [],
    retroActionsAppliedAt: null,
    ...p,
  };
}
