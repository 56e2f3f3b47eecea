// The order and filters of the idea list. Pure.
//
// The order must not favour early submitters (or late ones, or titles starting with "A"): every
// visitor gets their own shuffle from a seed kept in a cookie, so the list stays put while they
// browse and page through it, yet no idea is on top for everyone. Each idea's place comes from a
// hash of (seed, idea id), so a new idea slots in without reshuffling the others.

/** FNV-1a, 32 bit: small, fast and good enough to spread ids; not for secrets. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A final mix (from murmur3) so that seeds differing in one character give unrelated orders. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function shuffleKey(seed: string, id: number): number {
  return mix(fnv1a(`${seed}:${id}`));
}

/** The items in this visitor's order. Same seed, same order; ties (practically never) fall back to id. */
export function seededOrder<T extends { id: number }>(items: readonly T[], seed: string): T[] {
  return items
    .map((item) => ({ item, key: shuffleKey(seed, item.id) }))
    .sort((a, b) => a.key - b.key || a.item.id - b.item.id)
    .map((x) => x.item);
}

/** A seed cookie value must look like one we made; anything else gets a new seed. */
export function isValidSeed(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(value);
}

// ---------------------------------------------------------------------------
// Filters and search

/** Lower case without accents, so "Ideeën" matches "ideeen" and "CAFÉ" matches "cafe". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export type ListFilters = {
  q?: string;
  buurtId?: number;
  categoryId?: number;
  status?: "submitted" | "shortlisted";
};

export type Searchable = {
  id: number;
  title: string;
  summary: string;
  /** Only needed when there are words to search for. */
  description?: string;
  buurtId: number | null;
  categoryId: number | null;
  status: string;
};

/** Every word of the search must appear in the title, summary or description. */
export function filterIdeas<T extends Searchable>(items: readonly T[], filters: ListFilters): T[] {
  const words = normalizeForSearch(filters.q ?? "")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return items.filter((item) => {
    if (filters.buurtId !== undefined && item.buurtId !== filters.buurtId) return false;
    if (filters.categoryId !== undefined && item.categoryId !== filters.categoryId) return false;
    if (filters.status !== undefined && item.status !== filters.status) return false;
    if (words.length === 0) return true;
    const haystack = normalizeForSearch(`${item.title} ${item.summary} ${item.description ?? ""}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** Reads the list's query string; unknown or malformed values are ignored rather than refused. */
export function parseListFilters(params: URLSearchParams): ListFilters {
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  const status = params.get("status");
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  return {
    q: q.length > 0 ? q : undefined,
    buurtId: id("buurt"),
    categoryId: id("categorie"),
    status: status === "submitted" || status === "shortlisted" ? status : undefined,
  };
}
