/**
 * The one way stream names are spelled: `<category>-<id>`. Core knows no category; each bounded
 * context declares its own (`site.streams.ts`, `enterprise.streams.ts`) with this helper.
 */
export interface StreamCategory {
  readonly category: string;
  /** The stream of one aggregate instance. */
  of(id: string): string;
}

export function streamCategory(category: string, normalizeId: (id: string) => string = (id) => id): StreamCategory {
  return { category, of: (id) => `${category}-${normalizeId(id)}` };
}
