/**
 * The watcher and the panel run in the same content-script world of a tab: a flag on that world's
 * global tells the watcher the panel is already loaded (the page's own scripts cannot see it).
 */
const FLAG = '__emergencyRetroPanelLoaded';

type WithFlag = typeof globalThis & { [FLAG]?: boolean };

export const isPanelLoaded = (): boolean => (globalThis as WithFlag)[FLAG] === true;

export function markPanelLoaded(): void {
  (globalThis as WithFlag)[FLAG] = true;
}
