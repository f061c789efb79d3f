/**
 * The Timeline section is its own content script (retro-timeline.js), loaded into the tab only
 * when a panel asks for it, so that the panel bundle stays small. Both scripts share the tab's
 * content-script world; this registry on its global is how the panel hands the section a place.
 */
import type { IssueRef } from './gitlab/issue-ref';

export interface TimelineSlot {
  element: HTMLElement;
  ref: IssueRef;
  isIncident: boolean;
  canWrite: boolean;
  openOptions(): void;
  /** How many entries the timeline holds now: the panel's checklist ticks "timeline given" from it. */
  onEntries?(count: number): void;
}

type Mount = (slot: TimelineSlot) => () => void;

/** A slot handed over before the script arrived; `unmount` is set once it is mounted. */
interface Waiting {
  slot: TimelineSlot;
  unmount: (() => void) | null;
}

interface Registry {
  mount: Mount | null;
  waiting: Set<Waiting>;
}

const KEY = '__emergencyRetroTimeline';

function registry(): Registry {
  const world = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (world[KEY] ??= { mount: null, waiting: new Set() });
}

/** Panel side: mounts now if the section's script is loaded, else when it arrives. */
export function requestTimeline(slot: TimelineSlot): { loaded: boolean; unmount(): void } {
  const reg = registry();
  if (reg.mount) return { loaded: true, unmount: reg.mount(slot) };
  const waiting: Waiting = { slot, unmount: null };
  reg.waiting.add(waiting);
  return {
    loaded: false,
    unmount: () => {
      reg.waiting.delete(waiting);
      waiting.unmount?.();
    },
  };
}

/** Timeline script side: registers how to mount the section and fills the slots already waiting. */
export function provideTimeline(mount: Mount): void {
  const reg = registry();
  if (reg.mount) return; // injected twice: the first copy already serves every slot
  reg.mount = mount;
  for (const waiting of reg.waiting) waiting.unmount = mount(waiting.slot);
}
