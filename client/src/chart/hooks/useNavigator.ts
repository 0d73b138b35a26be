/** The bird's-eye navigator (cytoscape-navigator), shown on demand in a given container. */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';

interface Navigator {
  destroy(): void;
}

export function useNavigator(cy: Core | null, container: HTMLElement | null, enabled: boolean): void {
  useEffect(() => {
    if (!cy || !container || !enabled) return;
    const nav = (cy as unknown as { navigator(o: object): Navigator }).navigator({
      container,
      viewLiveFramerate: 0,
      thumbnailEventFramerate: 10,
      thumbnailLiveFramerate: false,
      dblClickDelay: 200,
      removeCustomContainer: false,
      rerenderDelay: 200,
    });
    return () => nav.destroy();
  }, [cy, container, enabled]);
}
