// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PostRetroNotes } from '@/components/PostRetroNotes';
import type { PanelClient } from '@/components/panel-client';

afterEach(cleanup);

describe('PostRetroNotes', () => {
  it('posts nothing when the findings could not be saved first, and says so', async () => {
    const postRetroNotes = vi.fn(async () => ({ ok: true as const, data: { noteUrl: 'https://gitlab.com/x#note_1', action: 'created' as const } }));
    const client = { postRetroNotes, openOptions: () => undefined } as unknown as PanelClient;
    render(<PostRetroNotes client={client} canWrite beforePost={async () => null} lead="" onLead={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Post retro notes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The findings could not be saved first');
    expect(postRetroNotes).not.toHaveBeenCalled();
  });
});
