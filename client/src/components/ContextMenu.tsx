/** A context menu for nodes, links and the background; items are plain text, never HTML. */
import { useEffect, useRef } from 'react';

export interface MenuItem {
  label: string;
  onSelect?: () => void;
  disabled?: boolean;
  hint?: string;
  items?: MenuItem[];
  separator?: boolean;
}

export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('pointerdown', close, true);
    document.addEventListener('keydown', key);
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    return () => {
      document.removeEventListener('pointerdown', close, true);
      document.removeEventListener('keydown', key);
    };
  }, [onClose]);
  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - 40 - items.length * 28);
  return (
    <div ref={ref} className="menu" role="menu" style={{ left, top }}>
      <MenuList items={items} onClose={onClose} />
    </div>
  );
}

function MenuList({ items, onClose }: { items: MenuItem[]; onClose(): void }) {
  return (
    <ul>
      {items.map((it, i) =>
        it.separator ? (
          <li key={i} className="sep" role="separator" />
        ) : (
          <li key={i} className={it.items ? 'has-sub' : ''}>
            <button
              type="button"
              role="menuitem"
              disabled={it.disabled}
              onClick={() => {
                if (it.items) return;
                onClose();
                it.onSelect?.();
              }}
            >
              <span>{it.label}</span>
              {it.hint && <kbd>{it.hint}</kbd>}
              {it.items && <span className="caret">›</span>}
            </button>
            {it.items && (
              <div className="submenu" role="menu">
                <MenuList items={it.items} onClose={onClose} />
              </div>
            )}
          </li>
        ),
      )}
    </ul>
  );
}
