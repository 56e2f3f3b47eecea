import { describe, expect, it } from "vitest";
import { normalizeCode } from "./code-format";
import { MIN_PEPPER_BYTES } from "~/lib/keyed-hash";
import { hashReceipt, isWellFormedReceipt, newReceiptCode, normalizeReceipt, printedReceipt, RECEIPT_ENTROPY_BITS } from "./receipt";
import { receiptFormSchema } from "./code-schemas";
import { hashCode } from "./voting-codes";

const pepper = "p".repeat(MIN_PEPPER_BYTES);

describe("receipts", () => {
  it("are labelled BON and two groups of five, about 49 bits", () => {
    expect(newReceiptCode()).toMatch(/^BON-[0-9ACDEFGHJKMNPQRTUVWXY]{5}-[0-9ACDEFGHJKMNPQRTUVWXY]{5}$/);
    expect(RECEIPT_ENTROPY_BITS).toBeCloseTo(49.07, 2);
  });

  it("differ each time", () => {
    const receipts = new Set(Array.from({ length: 500 }, () => newReceiptCode()));
    expect(receipts.size).toBe(500);
  });

  it("are read back as typed, and never as a voting code", () => {
    const receipt = newReceiptCode();
    expect(printedReceipt(normalizeReceipt(receipt.toLowerCase().replace(/-/g, " "))!)).toBe(receipt);
    expect(normalizeReceipt("olzsb ACDEF")).toBe("01258-ACDEF");
    expect(isWellFormedReceipt("K7QM-3XPA")).toBe(false);
    expect(normalizeCode(receipt)).toBeNull();
  });

  it("look unlike a voting code, and work with or without their label (issue 18.12)", () => {
    expect(printedReceipt("K7QMA-3XPAD")).toBe("BON-K7QMA-3XPAD");
    // Receipts handed out before the label keep working, and the label is optional when typed.
    expect(normalizeReceipt("K7QMA-3XPAD")).toBe("K7QMA-3XPAD");
    expect(normalizeReceipt("BON-K7QMA-3XPAD")).toBe("K7QMA-3XPAD");
    expect(normalizeReceipt("bon k7qma 3xpad")).toBe("K7QMA-3XPAD");
    expect(normalizeReceipt("Bon: K7QMA3XPAD")).toBe("K7QMA-3XPAD");
    expect(hashReceipt("BON-K7QMA-3XPAD", pepper)).toBe(hashReceipt("K7QMA-3XPAD", pepper));
    // A receipt typed into the code field is refused as a code, never half-read.
    expect(normalizeCode("BON-K7QMA-3XPAD")).toBeNull();
    expect(normalizeReceipt("BON-K7QM-3XPA")).toBeNull();
  });

  it("hash with the pepper and apart from voting codes", () => {
    const hash = hashReceipt("K7QMA-3XPAD", pepper);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceipt("k7qma 3xpad", pepper)).toBe(hash);
    expect(hashReceipt("K7QMA-3XPAD", "q".repeat(MIN_PEPPER_BYTES))).not.toBe(hash);
    expect(hashCode("K7QM-A3XP", pepper)).not.toBe(hashReceipt("K7QMA-3XP00", pepper));
    expect(() => hashReceipt("K7QM-3XPA", pepper)).toThrow(/not a receipt/);
  });

  it("has a form schema with i18n keys", () => {
    expect(receiptFormSchema.parse({ receipt: "k7qma3xpad" })).toEqual({ receipt: "K7QMA-3XPAD" });
    expect(receiptFormSchema.safeParse({ receipt: "K7QM-3XPA" }).error?.issues[0]?.message).toBe("voting.receiptMalformed");
    expect(receiptFormSchema.safeParse({ receipt: "" }).error?.issues[0]?.message).toBe("voting.receiptRequired");
  });
});
