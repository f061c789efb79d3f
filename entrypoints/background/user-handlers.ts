/** GitLab user search, for finding a manager who is not in the roster yet. */
import type { RequestOf, UserSummary } from '@/lib/messaging';
import { connect, type BackgroundDeps } from './context';

export async function searchUsers(deps: BackgroundDeps, { query }: RequestOf<'users:search'>): Promise<UserSummary[]> {
  const { gateway } = await connect(deps);
  const users = await gateway.searchUsers(query.replace(/^@/, ''));
  return users.map((user) => ({ id: user.id, username: user.username, name: user.name }));
}
