/**
 * The Timeline section, loaded into a tab only when a retro panel there asks for it (the
 * background injects it). It renders into the slot the panel gave it, inside the panel's shadow root.
 */
import { render } from 'preact';
import { provideTimeline } from '@/lib/timeline-slot';
import { TimelineSection } from '@/components/timeline/TimelineSection';
import { createTimelineClient } from './client';
import styles from './timeline.css?inline';

const STYLE_ID = 'emergency-retro-timeline-style';

/** The panel's shadow root gets the section's styles once. */
function addStyles(element: HTMLElement): void {
  const root = element.getRootNode() as ShadowRoot | Document;
  const parent = 'host' in root ? root : document.head;
  if (parent.querySelector?.(`#${STYLE_ID}`)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = styles;
  parent.appendChild(style);
}

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  registration: 'runtime',
  main() {
    provideTimeline((slot) => {
      addStyles(slot.element);
      render(
        <TimelineSection client={createTimelineClient(slot.ref)} isIncident={slot.isIncident} canWrite={slot.canWrite} onOpenOptions={slot.openOptions} onEntries={slot.onEntries} />,
        slot.element,
      );
      return () => render(null, slot.element);
    });
  },
});
