/** What a new user sees on an empty chart: what to do first. */
export function EmptyState() {
  return (
    <div className="empty-state">
      <h2>Start with a search</h2>
      <p>
        Press <kbd>/</kbd> and search for a person, premises, phone number, postcode or vehicle. Add results to the chart, then double-click an entity
        (or press <kbd>E</kbd>) to expand its links.
      </p>
      <p className="muted">Right-click entities and links for more: paths, common neighbours, hiding and pinning. Open a saved chart with Open….</p>
    </div>
  );
}
