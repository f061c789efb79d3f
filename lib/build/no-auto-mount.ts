/**
 * Stands in for @1natsu/wait-element in the content scripts' build (see wxt.config.ts). WXT's
 * shadow-root UI imports it only for `autoMount`, which the panel does not use (it mounts and
 * re-mounts itself): leaving it out keeps 3 kB of unused code off every emergency issue page.
 * Should a WXT update start calling it, this says so at once instead of failing quietly.
 */
const unused = (): never => {
  throw new Error('WXT autoMount is not built into this extension: mount the UI explicitly.');
};

export const waitElement = unused;
export const isExist = unused;
export const isNotExist = unused;
