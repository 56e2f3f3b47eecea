import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { count, eq, sum } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { eligibleAddresses } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { Pepper } from "~/lib/keyed-hash";
import { generateCodeBatch } from "./codes.server";
import { addressKey } from "./voter-identity";

// The municipality's list of eligible addresses for a round that checks addresses (issue 15). Only
// keyed hashes of the addresses are stored, never the uploaded file; the file is read once, here.
// Letters for the list are made from the same upload, since the stored keys cannot be printed.

export type ListedAddress = { address: string; voters: number };

/**
 * Replaces the round's list. The caller checks that voting has not started (the list is locked with
 * the other rules, as a change could shut out someone who already voted).
 */
export async function saveAddressList(input: {
  actorUserId: string;
  contestId: number;
  addresses: readonly ListedAddress[];
  /** Also make one letter code per eligible resident of each address. */
  letters: { label: string } | null;
  pepper: Pepper;
  now: number;
}): Promise<{ addresses: number; voters: number; letters: { address: string; code: string }[] }> {
  const db = getDb();
  const keyed = input.addresses.map((a) => ({ ...a, key: addressKey(input.pepper, a.address) }));
  const voters = keyed.reduce((total, a) => total + a.voters, 0);
  return transact(db, async (tx) => {
    const before = await addressListSummary(input.contestId);
    await run(tx.delete(eligibleAddresses).where(eq(eligibleAddresses.contestId, input.contestId)));
    const rows = keyed.map((a) => ({ contestId: input.contestId, addressKey: a.key, voters: a.voters }));
    for (let i = 0; i < rows.length; i += 500) await run(tx.insert(eligibleAddresses).values(rows.slice(i, i + 500)));
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "voting.address-list-saved",
      before,
      after: { addresses: keyed.length, voters },
      at: input.now,
    });
    if (!input.letters) return { addresses: keyed.length, voters, letters: [] };
    const owners = keyed.flatMap((a) => Array.from({ length: a.voters }, () => a));
    const { codes } = await generateCodeBatch({
      actorUserId: input.actorUserId,
      contestId: input.contestId,
      label: input.letters.label,
      size: owners.length,
      addressKeys: owners.map((a) => a.key),
      pepper: input.pepper,
      now: input.now,
    });
    return { addresses: keyed.length, voters, letters: codes.map((code, i) => ({ address: owners[i]!.address, code })) };
  });
}

/** How many addresses and eligible residents the round's list holds; null when it has none. */
export async function addressListSummary(contestId: number): Promise<{ addresses: number; voters: number } | null> {
  const row = await one(
    getDb()
      .select({ addresses: count(), voters: sum(eligibleAddresses.voters) })
      .from(eligibleAddresses)
      .where(eq(eligibleAddresses.contestId, contestId)),
  );
  return row && row.addresses > 0 ? { addresses: row.addresses, voters: Number(row.voters) } : null;
}

/**
 * The letters as CSV for a mail merge: the address, one line per code, and what a printed letter
 * carries besides the code (issue 18.12): the short address to type and the page its QR code opens.
 */
export function addressLettersCsv(
  letters: readonly { address: string; code: string }[],
  site: { shortAddress: string; codePage: (code: string) => string },
): string {
  const lines = letters.map(({ address, code }) => {
    const [postcode, number, addition] = address.split("|") as [string, string, string];
    return [`${postcode.slice(0, 4)} ${postcode.slice(4)}`, number, addition, code, site.shortAddress, site.codePage(code)].join(";");
  });
  return ["postcode;huisnummer;toevoeging;code;kort_adres;qr_code_adres", ...lines].join("\r\n") + "\r\n";
}
