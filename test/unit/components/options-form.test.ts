import { describe, expect, it } from 'vitest';
import { checkFields, createTokenUrl, fieldsOf, type OptionsFields } from '@/components/options-form';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const good = (overrides: Partial<OptionsFields> = {}): OptionsFields => ({
  gitlabUrl: 'https://gitlab.com',
  emergencyProjects: 'gitlab-com/support/readiness/emergencies',
  rosterText: 'sam-support: maria-manager\n',
  labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
  followUps: fieldsOf(DEFAULT_SETTINGS).followUps,
  retroLeads: '',
  ...overrides,
});

describe('checkFields: refuses', () => {
  it.each(['http://gitlab.com', 'gitlab.com', 'ftp://gitlab.com', '', 'https//gitlab.com', 'javascript:alert(1)'])('the GitLab URL %j', (gitlabUrl) => {
    const { errors, settings } = checkFields(good({ gitlabUrl }));
    expect(settings).toBeNull();
    expect(errors.gitlabUrl).toMatch(/https:\/\//);
    expect(Object.keys(errors)).toEqual(['gitlabUrl']);
  });

  it.each(['https://gitlab.com/gitlab-com/support/readiness/emergencies', 'https://gitlab.com/?x=1', 'https://user:pw@gitlab.com', 'https://gitlab.com/#top'])('a GitLab URL with more than the address: %j', (gitlabUrl) => {
    const { errors, settings } = checkFields(good({ gitlabUrl }));
    expect(settings).toBeNull();
    expect(errors.gitlabUrl).toMatch(/without a path/);
  });

  it.each([
    ['a single segment', 'emergencies', 'emergencies'],
    ['spaces inside', 'gitlab-com/support team/emergencies', 'gitlab-com/support team/emergencies'],
    ['a full URL', 'https://gitlab.com/group/project', 'https://gitlab.com/group/project'],
    ['a bad second line', 'group/project\ngroup/pro ject', 'group/pro ject'],
  ])('a project path with %s', (_name, emergencyProjects, named) => {
    const { errors, settings } = checkFields(good({ emergencyProjects }));
    expect(settings).toBeNull();
    expect(errors.emergencyProjects).toContain(`“${named}”`);
    expect(errors.emergencyProjects).toMatch(/group\/project/);
  });

  it('no project at all', () => {
    const { errors, settings } = checkFields(good({ emergencyProjects: '  \n\n ' }));
    expect(settings).toBeNull();
    expect(errors.emergencyProjects).toMatch(/at least one project/);
  });

  it('a roster error, naming its line', () => {
    const { errors, settings } = checkFields(good({ rosterText: 'sam-support: maria-manager\n# comment\nalex bob\n' }));
    expect(settings).toBeNull();
    expect(errors.rosterText).toMatch(/^line 3: /);
  });

  it('a roster with an engineer listed twice names both lines', () => {
    const { errors } = checkFields(good({ rosterText: 'sam: maria\nsam: other\n' }));
    expect(errors.rosterText).toMatch(/line 2/);
    expect(errors.rosterText).toMatch(/line 1/);
  });

  it('at most three roster errors, one per line of the message', () => {
    const rosterText = ['a: b c', 'd: e f', 'g: h i', 'j: k l', 'm: n o'].join('\n');
    const { errors } = checkFields(good({ rosterText }));
    expect(errors.rosterText?.split('\n').map((line) => line.slice(0, 7))).toEqual(['line 1:', 'line 2:', 'line 3:']);
  });

  it.each([
    ['retro', 'retro,actions'],
    ['retroActions', 'a, b'],
    ['customerRetro', ','],
  ] as const)('a %s label with a comma', (key, value) => {
    const { errors, settings } = checkFields(good({ labels: { ...good().labels, [key]: value } }));
    expect(settings).toBeNull();
    expect(errors[key]).toMatch(/comma/);
  });

  it('an empty or too long label', () => {
    const { errors } = checkFields(good({ labels: { retro: '   ', retroActions: 'x'.repeat(256), customerRetro: 'ok' } }));
    expect(errors.retro).toMatch(/Enter a label name/);
    expect(errors.retroActions).toMatch(/255/);
    expect(errors.customerRetro).toBeUndefined();
  });

  it('reports every bad field at once', () => {
    const { errors } = checkFields(good({ gitlabUrl: 'http://x', emergencyProjects: 'x', rosterText: 'a b', labels: { retro: 'a,b', retroActions: 'ok', customerRetro: 'ok' } }));
    expect(Object.keys(errors).sort()).toEqual(['emergencyProjects', 'gitlabUrl', 'retro', 'rosterText']);
  });
});

describe('checkFields: follow-ups and retro leads', () => {
  it('checks each follow-up project and label, and the lead usernames', () => {
    const fields = good({ retroLeads: 'lee-lead\nnot!valid' });
    fields.followUps = { projects: { ...fields.followUps.projects, bug: 'gitlab' }, labels: { ...fields.followUps.labels, feature: 'a,b' } };
    const { errors, settings } = checkFields(fields);
    expect(settings).toBeNull();
    expect(errors).toMatchObject({ 'project-bug': expect.stringMatching(/group\/project/), 'label-feature': expect.stringMatching(/commas/), retroLeads: expect.stringMatching(/“not!valid”/) });
  });

  it('keeps lead usernames lower-case, without @ and duplicates', () => {
    expect(checkFields(good({ retroLeads: '@Lee-Lead, lee-lead\n lina-leader ' })).settings?.retroLeads).toEqual(['lee-lead', 'lina-leader']);
  });
});

describe('checkFields: accepts', () => {
  it('good input, with no errors', () => {
    const { errors, settings } = checkFields(good());
    expect(errors).toEqual({});
    expect(settings).toEqual({
      gitlabUrl: 'https://gitlab.com',
      emergencyProjects: ['gitlab-com/support/readiness/emergencies'],
      rosterText: 'sam-support: maria-manager\n',
      labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
      followUps: DEFAULT_SETTINGS.followUps,
      retroLeads: [],
    });
  });

  it('refuses instances other than gitlab.com: the extension may only reach gitlab.com', () => {
    const { errors, settings } = checkFields(good({ gitlabUrl: 'https://gitlab.example.com' }));
    expect(settings).toBeNull();
    expect(errors.gitlabUrl).toMatch(/works with https:\/\/gitlab\.com only/);
  });

  it('trims the URL, project lines and labels, and drops blank lines and slashes around paths', () => {
    const { settings } = checkFields(
      good({
        gitlabUrl: '  https://gitlab.com/  ',
        emergencyProjects: '  /group/sub/project/  \n\n  other/proj \n',
        labels: { retro: '  retro ', retroActions: '\tRetro::Actions ', customerRetro: ' customer retro ' },
      }),
    );
    expect(settings).toEqual({
      gitlabUrl: 'https://gitlab.com',
      emergencyProjects: ['group/sub/project', 'other/proj'],
      rosterText: 'sam-support: maria-manager\n',
      labels: { retro: 'retro', retroActions: 'Retro::Actions', customerRetro: 'customer retro' },
      followUps: DEFAULT_SETTINGS.followUps,
      retroLeads: [],
    });
  });

  it('keeps the roster text as typed (comments, format)', () => {
    const rosterText = '# EMEA\nengineer,manager\nsam-support,maria-manager\n';
    expect(checkFields(good({ rosterText })).settings?.rosterText).toBe(rosterText);
  });

  it('an empty roster is fine', () => {
    expect(checkFields(good({ rosterText: '' })).settings?.rosterText).toBe('');
  });

  it('round-trips the default settings through fieldsOf', () => {
    const { errors, settings } = checkFields(fieldsOf(DEFAULT_SETTINGS));
    expect(errors).toEqual({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('fieldsOf and createTokenUrl', () => {
  it('fieldsOf writes one project per line and copies the labels', () => {
    const settings = { ...DEFAULT_SETTINGS, emergencyProjects: ['a/b', 'c/d'] };
    const fields = fieldsOf(settings);
    expect(fields.emergencyProjects).toBe('a/b\nc/d');
    fields.labels.retro = 'changed';
    expect(settings.labels.retro).toBe('retro');
  });

  it('createTokenUrl points at the instance’s token page with the api scope', () => {
    const url = new URL(createTokenUrl('https://gitlab.example.com/gitlab/'));
    expect(url.origin + url.pathname).toBe('https://gitlab.example.com/gitlab/-/user_settings/personal_access_tokens');
    expect(url.searchParams.get('scopes')).toBe('api');
    expect(url.searchParams.get('name')).toBe('Emergency Retro');
    expect(createTokenUrl('  ')).toMatch(/^https:\/\/gitlab\.com\/-\/user_settings/);
  });
});
