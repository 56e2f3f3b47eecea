// The idea list in pages (issue 19; docs/decisions/029-idea-list-in-pages.md). Pure.
//
// A city round has a hundred ideas or more: a hundred cards are a lot to scroll on a phone, and each
// one costs the server time to render. The list shows IDEAS_PER_PAGE at a time, in the visitor's own
// shuffle (order.ts). Pages are slices of that one order, so for a given set of ideas and a seed every
// idea is on exactly one page: paging repeats none and skips none. The links between pages carry the
// seed (`volgorde`), so the order holds even for a browser that keeps no cookies.

import { z } from "zod";
import { isValidSeed, parseListFilters, type ListFilters } from "./order";

/** 24 cards: whole rows of 1, 2, 3 or 4 columns. */
export const IDEAS_PER_PAGE = 24;

// Lenient, as the filters are: a page number or seed that is not one of ours is read as absent
// (page 1, the cookie's order). A page number past the last page is a different matter: the loader
// answers 404 with the number of pages (see pageOf).
const pageParam = z
  .string()
  .max(6)
  .regex(/^[1-9][0-9]*$/)
  .transform(Number);
const seedParam = z.string().max(64).refine(isValidSeed);

const listQuery = z.object({
  pagina: pageParam.optional().catch(undefined),
  volgorde: seedParam.optional().catch(undefined),
});

export type ListQuery = {
  filters: ListFilters;
  /** 1 when the query names no page, or names one badly. */
  page: number;
  /** The order the link asks for; undefined: the visitor's own (the cookie). */
  seed: string | undefined;
};

/** Reads the idea list's query string: the filters, the page and the order. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const parsed = listQuery.parse({ pagina: params.get("pagina") ?? undefined, volgorde: params.get("volgorde") ?? undefined });
  return { filters: parseListFilters(params), page: parsed.pagina ?? 1, seed: parsed.volgorde };
}

export type ListPage = {
  page: number;
  pageCount: number;
  /** Index of the first idea on the page in the whole ordered list (0-based). */
  from: number;
  /** Index after the last one. */
  to: number;
};

/**
 * Which slice of `count` ordered ideas page `page` shows. A list with no ideas still has page 1 (which
 * says so). A page after the last one is null: the loader answers 404 and names the pages there are.
 */
export function pageOf(count: number, page: number, size = IDEAS_PER_PAGE): ListPage | null {
  if (!Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(size) || size < 1) throw new Error(`pageOf: bad count ${count} or size ${size}`);
  const pageCount = Math.max(1, Math.ceil(count / size));
  if (!Number.isSafeInteger(page) || page < 1 || page > pageCount) return null;
  const from = (page - 1) * size;
  return { page, pageCount, from, to: Math.min(count, from + size) };
}

/**
 * The page numbers to link to: the first, the last, and the ones around this page, with a gap where
 * numbers are left out (never a gap for a single number: that number is shown instead). At most 7
 * entries, so the row fits a phone.
 */
export function pageLinks(page: number, pageCount: number): (number | "gap")[] {
  if (pageCount <= 7) return Array.from({ length: pageCount }, (_, i) => i + 1);
  // Keep the window three wide, also near the ends.
  const start = Math.max(2, Math.min(page - 1, pageCount - 3));
  const end = Math.min(pageCount - 1, Math.max(page + 1, 4));
  const links: (number | "gap")[] = [1];
  if (start === 3) links.push(2);
  else if (start > 3) links.push("gap");
  for (let n = start; n <= end; n++) links.push(n);
  if (end === pageCount - 2) links.push(pageCount - 1);
  else if (end < pageCount - 2) links.push("gap");
  links.push(pageCount);
  return links;
}

/**
 * The query string of a page of the list: the filters as the filter form sends them, the page (not
 * for page 1) and the order. Empty for the plain first page in the visitor's own order.
 */
export function listSearch(filters: ListFilters, page: number, seed: string | undefined): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.buurtId !== undefined) params.set("buurt", String(filters.buurtId));
  if (filters.categoryId !== undefined) params.set("categorie", String(filters.categoryId));
  if (filters.status) params.set("status", filters.status);
  if (page > 1) params.set("pagina", String(page));
  if (seed) params.set("volgorde", seed);
  const search = params.toString();
  return search ? `?${search}` : "";
}
