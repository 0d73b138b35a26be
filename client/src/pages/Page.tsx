/**
 * A full-width page over the chart (the chart stays mounted underneath, so going back finds it
 * as it was): a heading, a Back button, Escape to go back, focus on the heading when opened.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './pages.css';

export function Page({ title, subtitle, onClose, actions, children }: { title: string; subtitle?: ReactNode; onClose(): void; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="page" role="region" aria-label={title}>
      <header className="page-head">
        <button type="button" className="back" onClick={onClose} title="Back to the chart (Esc)">
          ← Chart
        </button>
        <div className="page-title">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <div className="muted small">{subtitle}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <div className="page-body">{children}</div>
    </section>
  );
}

/** Loading, error and empty states, the same on every page. */
export function Status({ loading, error, empty, onRetry, what }: { loading: boolean; error: string | null; empty: boolean; onRetry?(): void; what: string }) {
  if (loading) {
    return (
      <div className="page-status" role="status">
        <div className="progress" />
        Loading {what}…
      </div>
    );
  }
  if (error) {
    return (
      <div className="error-inline" role="alert">
        Could not load {what}: {error}{' '}
        {onRetry && (
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (empty) return <p className="page-status muted">No {what}.</p>;
  return null;
}
