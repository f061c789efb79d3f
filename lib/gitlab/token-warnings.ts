/**
 * What to warn about a saved token, worked out when it is shown (not when it was saved), so an
 * expiry comes closer day by day in the user's own calendar.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { TokenStatus } from '../messaging';

/** README promises a warning when the token expires within this many days. */
export const EXPIRY_WARNING_DAYS = 7;

export function tokenWarnings(token: Pick<TokenStatus, 'scopes' | 'expiresAt'>, today: Date): string[] {
  const warnings: string[] = [];
  if (!token.scopes.includes('api')) {
    warnings.push('This token lacks the api scope: the extension works read-only. Create a token with the api scope to change issues.');
  }
  if (token.expiresAt) {
    const days = differenceInCalendarDays(parseISO(token.expiresAt), today);
    if (days < 0) warnings.push(`This token expired on ${token.expiresAt}. Create a new one and save it here.`);
    else if (days === 0) warnings.push(`This token expires today, ${token.expiresAt}. Create a new one now.`);
    else if (days <= EXPIRY_WARNING_DAYS) warnings.push(`This token expires on ${token.expiresAt}, in ${days} day${days === 1 ? '' : 's'}. Create a new one soon.`);
  }
  return warnings;
}
