import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_FOLLOW_UPS, settingsItem } from '@/lib/settings';

describe('settings storage versions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('settings saved by version 1 gain follow-up projects and an empty lead pool, keeping everything else', async () => {
    const v1 = {
      gitlabUrl: 'https://gitlab.com',
      emergencyProjects: ['group/emergencies'],
      rosterText: 'sam-support: maria-manager\n',
      labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
    };
    // How WXT's storage keeps a versioned item: the value, and its version in the `$` meta key.
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...v1, followUps: DEFAULT_FOLLOW_UPS, retroLeads: [] });
  });
});
