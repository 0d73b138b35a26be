/** How a page puts entities on the chart: by id, optionally highlighting evidence and laying out. */
export interface AddOptions {
  /** Ids (entities and links) to highlight once added; everything else fades. */
  highlight?: string[];
  /** What the highlight says in the status bar. */
  label?: string;
  /** Lay the chart out afterwards (a whole network). */
  layout?: boolean;
}

export type AddToChart = (ids: string[], o?: AddOptions) => void;
