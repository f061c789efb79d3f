/** The reader's IANA time zone, as the browser reports it; UTC when it reports none. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
