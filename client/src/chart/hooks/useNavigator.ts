/** The bird's-eye navigator (cytoscape-navigator), shown on demand in a given container. */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';

interface Navigator {
  destroy(): void;
}

/** The navigator takes its container as a selector: give the element an id. */
export function useNavigator(cy: Core | null, container: HTMLElement | null, enabled: boolean): void {
  useEffect(() => {
    if (!cy || !container || !enabled || cy.destroyed()) return;
    if (!container.id) container.id = 'lantern-navigator';
    const nav = (cy as unknown as { navigator(o: object): Navigator }).navigator({
      container: `#${container.id}`,
      viewLiveFramerate: 0,
      thumbnailEventFramerate: 10,
      thumbnailLiveFramerate: false,
      dblClickDelay: 200,
      removeCustomContainer: false,
      rerenderDelay: 200,
    });
    // The thumbnail is drawn on the chart's next render; ask for one now.
    cy.resize();
    return () => {
      // The owner may have destroyed cy first (a renderer switch); the navigator then goes with it.
      if (!cy.destroyed()) nav.destroy();
      else container.replaceChildren();
    };
  }, [cy, container, enabled]);
}
