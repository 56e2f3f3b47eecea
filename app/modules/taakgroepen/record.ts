// Pure taakgroep rules: who is in a group now, whether it is formed, what an organiser has marked,
// and the CSV rows of the record. No I/O: the server files read the rows and pass them in.

/** Deventer's rule: a plan needs at least four residents to form a taakgroep (product.md). */
export const DEFAULT_TAAKGROEP_MINIMUM = 4;

export const taakgroepTags = ["organiseren", "praktisch-werk", "geld", "communicatie", "contacten"] as const;
export type TaakgroepTag = (typeof taakgroepTags)[number];

/** What an organiser can mark a formed (or forming) group as; null is "not marked". */
export const organiserStates = ["actief", "afgerond", "gestopt"] as const;
export type OrganiserState = (typeof organiserStates)[number];

export type RecordRow = {
  id: number;
  ideaId: number;
  userId: string | null;
  name: string;
  contact: string;
  /** Consent to share name and contact with the initiators and organisers. */
  sharesContact: boolean;
  kind: "signup" | "withdrawal";
  skills: string | null;
  tags: readonly TaakgroepTag[];
  timeAvailable: string | null;
  createdAt: number;
};

export type Member = Omit<RecordRow, "kind" | "id"> & { signupId: number; joinedAt: number };

/**
 * Who identifies a person in the record: the account when there is one, else the contact (trimmed,
 * lower case), so a second sign-up by the same person updates the first rather than adding a member.
 */
export function personKey(row: { userId: string | null; contact: string }): string {
  return row.userId ? `u:${row.userId}` : `c:${row.contact.trim().toLowerCase()}`;
}

/**
 * The current members of one idea's taakgroep from its rows (in any order): a person's last row
 * decides. A later sign-up updates their details but keeps the date they first joined (since their
 * last withdrawal); a withdrawal removes them, and their contact with them.
 */
export function currentMembers(rows: readonly RecordRow[]): Member[] {
  const sorted = [...rows].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const members = new Map<string, Member>();
  for (const row of sorted) {
    const key = personKey(row);
    if (row.kind === "withdrawal") {
      members.delete(key);
      continue;
    }
    const before = members.get(key);
    const { kind: _kind, id, ...rest } = row;
    members.set(key, { ...rest, signupId: id, joinedAt: before?.joinedAt ?? row.createdAt });
  }
  return [...members.values()].sort((a, b) => a.joinedAt - b.joinedAt || a.signupId - b.signupId);
}

export type TaakgroepStatus =
  | { kind: "zoekt"; missing: number; members: number; minimum: number }
  | { kind: "gevormd"; members: number; minimum: number }
  | { kind: OrganiserState; members: number; minimum: number };

/**
 * "zoekt nog N mensen" until the group has its minimum, then "gevormd". An organiser's mark
 * (actief, afgerond, gestopt) wins over both: a stopped group no longer looks for people.
 */
export function taakgroepStatus(
  members: number | readonly unknown[],
  minimum: number = DEFAULT_TAAKGROEP_MINIMUM,
  organiserState: OrganiserState | null = null,
): TaakgroepStatus {
  const count = typeof members === "number" ? members : members.length;
  const min = Math.max(1, Math.floor(minimum));
  if (organiserState) return { kind: organiserState, members: count, minimum: min };
  if (count >= min) return { kind: "gevormd", members: count, minimum: min };
  return { kind: "zoekt", missing: min - count, members: count, minimum: min };
}

/** Whether this set of members just reached the minimum: the moment to mail them (once). */
export function isFormed(members: number, minimum: number = DEFAULT_TAAKGROEP_MINIMUM): boolean {
  return members >= Math.max(1, Math.floor(minimum));
}

/** Only members who consented are shown to initiators and organisers, with their contact. */
export function visibleMembers<M extends { sharesContact: boolean }>(members: readonly M[]): M[] {
  return members.filter((m) => m.sharesContact);
}

export function parseTags(value: string | null | undefined): TaakgroepTag[] {
  if (!value) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is TaakgroepTag => (taakgroepTags as readonly string[]).includes(s));
}

export function formatTags(tags: readonly TaakgroepTag[]): string | null {
  const unique = taakgroepTags.filter((t) => tags.includes(t));
  return unique.length > 0 ? unique.join(",") : null;
}

// CSV: RFC 4180 quoting, and a leading =, +, - or @ is defused so a spreadsheet never runs a formula
// from a resident's text. A number is written as it is (a negative amount must stay a number).
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = ["idee", "titel", "soort", "naam", "contact", "wat ik kan", "onderwerpen", "tijd", "toestemming", "datum"] as const;

/**
 * The record as CSV rows, oldest first: sign-ups and withdrawals both (the record keeps who joined and
 * left). Without consent, name and contact are left out.
 */
export function recordCsvRows(rows: readonly RecordRow[], ideaTitles: ReadonlyMap<number, string>, formatDate: (ms: number) => string): string[][] {
  return [...rows]
    .sort((a, b) => a.ideaId - b.ideaId || a.createdAt - b.createdAt || a.id - b.id)
    .map((r) => [
      String(r.ideaId),
      ideaTitles.get(r.ideaId) ?? "",
      r.kind === "signup" ? "aanmelding" : "afmelding",
      r.sharesContact ? r.name : "",
      r.sharesContact ? r.contact : "",
      r.skills ?? "",
      r.tags.join(", "),
      r.timeAvailable ?? "",
      r.sharesContact ? "ja" : "nee",
      formatDate(r.createdAt),
    ]);
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** "Ik doe mee" is open during the vote and after it, until the archive (product.md: "during the vote and after"). */
export const TAAKGROEP_PHASES = ["stemmen", "prijsuitreiking", "nazorg"] as const;

/** Ideas that can have a taakgroep: handed in and not withdrawn or hidden. */
export function ideaTakesSignups(idea: { status: string; hiddenAt: unknown }): boolean {
  return (idea.status === "submitted" || idea.status === "shortlisted") && !idea.hiddenAt;
}
