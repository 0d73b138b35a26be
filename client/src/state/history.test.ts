import { describe, expect, it } from 'vitest';
import { fold, canRedo, canUndo, createHistory, push, redo, undo, undoLabel } from './history.ts';

describe('undo and redo', () => {
  it('undoes and redoes operations in order, with their labels', () => {
    let h = createHistory(0);
    h = push(h, 1, 'Add');
    h = push(h, 2, 'Expand');
    expect(undoLabel(h)).toBe('Expand');
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undoLabel(h)).toBe('Add');
    h = redo(h);
    expect(h.present).toBe(2);
    h = undo(undo(h));
    expect(h.present).toBe(0);
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch when a new operation is made after undo', () => {
    let h = push(push(createHistory('a'), 'b', 'one'), 'c', 'two');
    h = push(undo(h), 'd', 'three');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('ignores an operation that changed nothing', () => {
    const h = createHistory({ n: 1 });
    expect(push(h, h.present, 'noop')).toBe(h);
  });

  it('undo and redo at the ends are no-ops', () => {
    const h = createHistory(1);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('folds what completes an operation (its layout) into that operation: one undo takes both back', () => {
    let h = createHistory('empty');
    h = push(h, 'expanded', 'Expand 9 entities');
    h = fold(h, 'expanded and laid out');
    expect(h.present).toBe('expanded and laid out');
    expect(undoLabel(h)).toBe('Expand 9 entities');
    h = undo(h);
    expect(h.present).toBe('empty');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('expanded and laid out');
  });
});
