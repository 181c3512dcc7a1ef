/**
 * Shared shapes for the articles' worked numeric examples.
 *
 * @module
 */

/** One number an article prints, next to what its stated formula gives. */
export interface WorkedQuantity {
  /** What the number is, in the article's notation (e.g. `dJ/dw_11`). */
  name: string;
  /** Where it is printed (e.g. `§4.1.3`). */
  section: string;
  /** The number exactly as printed. */
  printed: string;
  /** What the article's stated formula gives, computed here. */
  computed: number;
  /** Half a unit in the last printed digit. */
  tolerance: number;
  /** Whether `computed` rounds to `printed`: `|computed - printed| <= tolerance`. */
  reproduced: boolean;
  /** The interpretation used and, on a mismatch, what the alternatives give. */
  note?: string;
}

/** One worked example of one article, and how to recompute its numbers. */
export interface WorkedExample {
  /** Registry key. */
  id: string;
  /** Article file name under `shared/articles/`, without `.txt`. */
  article: string;
  /** Section that prints the numbers (the English half where the article is bilingual). */
  section: string;
  /** Short human title. */
  title: string;
  /** Recompute every printed quantity with tfjs ops on the current backend. */
  compute(): Promise<WorkedQuantity[]>;
  /** Interpretations and conventions, and how the article's arithmetic goes wrong. */
  notes: string[];
}
