// URL names for contests, organisations and criteria.

/** A URL-safe name from a title: "Vonk Keizerslanden 2027" → "vonk-keizerslanden-2027"; `fallback` when nothing is left. */
export function slugify(title: string, fallback = "ronde"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}

/** `base`, or the first of `base-2`, `base-3`, … that is not taken. */
export function freeSlug(base: string, taken: { has(slug: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
