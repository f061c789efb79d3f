/** The options form as text fields, and its checks: what the user typed is never thrown away. */
import type { SettingsInput } from '@/lib/messaging';
import { parseRoster } from '@/lib/retro/roster';
import { validateLabelName, type LabelNames } from '@/lib/retro/labels';

export type CreatedFollowUp = keyof SettingsInput['followUps']['projects'];
export const CREATED_FOLLOW_UPS: CreatedFollowUp[] = ['bug', 'feature', 'kb-article', 'handbook'];

export interface OptionsFields {
  gitlabUrl: string;
  emergencyProjects: string;
  rosterText: string;
  labels: LabelNames;
  followUps: SettingsInput['followUps'];
  retroLeads: string;
}

type FieldName = 'gitlabUrl' | 'emergencyProjects' | 'rosterText' | 'retroLeads' | keyof LabelNames | `project-${CreatedFollowUp}` | `label-${CreatedFollowUp}`;
export type FieldErrors = Partial<Record<FieldName, string>>;

export function fieldsOf(settings: SettingsInput): OptionsFields {
  return {
    gitlabUrl: settings.gitlabUrl,
    emergencyProjects: settings.emergencyProjects.join('\n'),
    rosterText: settings.rosterText,
    labels: { ...settings.labels },
    followUps: { projects: { ...settings.followUps.projects }, labels: { ...settings.followUps.labels } },
    retroLeads: settings.retroLeads.join('\n'),
  };
}

const USERNAME = /^@?[A-Za-z0-9_.-]{1,255}$/;

const SUPPORTED_ORIGIN = 'https://gitlab.com';
const PROJECT_PATH = /^[\w.-]+(?:\/[\w.-]+)+$/;

export function checkFields(fields: OptionsFields): { errors: FieldErrors; settings: SettingsInput | null } {
  const errors: FieldErrors = {};
  let url: URL | null = null;
  try {
    url = new URL(fields.gitlabUrl.trim());
  } catch {
    /* reported below */
  }
  if (!url || url.protocol !== 'https:') errors.gitlabUrl = 'Enter the https:// address of your GitLab, for example https://gitlab.com.';
  // The extension's only host permission is gitlab.com: another instance could not be reached.
  else if (url.origin !== SUPPORTED_ORIGIN) errors.gitlabUrl = 'This version works with https://gitlab.com only; self-managed instances are not supported yet.';
  // A project's address here would send every API call to …/project/api/v4 and fail as "not found".
  else if (url.pathname.replace(/\/+$/, '') || url.search || url.hash || url.username || url.password) errors.gitlabUrl = 'Enter the address of GitLab itself, https://gitlab.com, without a path: projects go in "Emergency projects".';
  const projects = fields.emergencyProjects.split('\n').map((line) => line.trim().replace(/^\/+|\/+$/g, '')).filter(Boolean);
  const badProject = projects.find((path) => !PROJECT_PATH.test(path));
  if (badProject) errors.emergencyProjects = `“${badProject}” is not a project path: write group/project, one per line.`;
  else if (projects.length === 0) errors.emergencyProjects = 'Add at least one project path, for example gitlab-com/support/readiness/emergencies.';
  const roster = parseRoster(fields.rosterText);
  if (!roster.ok) errors.rosterText = roster.errors.slice(0, 3).map((error) => error.message).join('\n');
  for (const key of ['retro', 'retroActions', 'customerRetro'] as const) {
    const problem = validateLabelName(fields.labels[key]);
    if (problem) errors[key] = problem;
  }
  const projectsOf = { ...fields.followUps.projects };
  const labelsOf = { ...fields.followUps.labels };
  for (const type of CREATED_FOLLOW_UPS) {
    projectsOf[type] = projectsOf[type].trim().replace(/^\/+|\/+$/g, '');
    labelsOf[type] = labelsOf[type].trim();
    if (!PROJECT_PATH.test(projectsOf[type])) errors[`project-${type}`] = 'Write the project path, like group/project.';
    if (labelsOf[type].includes(',')) errors[`label-${type}`] = 'One label, without commas.';
  }
  const leads = fields.retroLeads.split(/[\s,]+/).map((name) => name.trim()).filter(Boolean);
  const badLead = leads.find((name) => !USERNAME.test(name));
  if (badLead) errors.retroLeads = `“${badLead}” is not a GitLab username.`;
  if (Object.keys(errors).length > 0 || !url) return { errors, settings: null };
  return {
    errors,
    settings: {
      gitlabUrl: url.href.replace(/\/+$/, ''),
      emergencyProjects: projects,
      rosterText: fields.rosterText,
      labels: {
        retro: fields.labels.retro.trim(),
        retroActions: fields.labels.retroActions.trim(),
        customerRetro: fields.labels.customerRetro.trim(),
      },
      followUps: { projects: projectsOf, labels: labelsOf },
      retroLeads: [...new Set(leads.map((name) => name.replace(/^@/, '').toLowerCase()))],
    },
  };
}

export function createTokenUrl(gitlabUrl: string): string {
  const base = gitlabUrl.trim().replace(/\/+$/, '') || 'https://gitlab.com';
  return `${base}/-/user_settings/personal_access_tokens?name=${encodeURIComponent('Emergency Retro')}&scopes=api`;
}
