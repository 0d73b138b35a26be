/** Saves a blob as a file through a temporary link (works under a strict CSP). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click is dispatched; release it on the next turn.
  queueMicrotask(() => URL.revokeObjectURL(url));
}

export function fileStem(name: string | null): string {
  const base = (name ?? 'lantern-chart').trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return base || 'lantern-chart';
}
