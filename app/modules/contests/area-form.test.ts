import { describe, expect, it } from "vitest";
import { translateMessage, translator, type Locale } from "~/lib/i18n";
import { areaFormSchema } from "./area-form";

/** The postcode messages as a reader in `locale` sees them under the field. */
function postcodeErrors(postcodes: string, locale: Locale): string[] {
  const parsed = areaFormSchema.safeParse({ municipalityId: "1", name: "Keizerslanden", kind: "wijk", postcodes });
  expect(parsed.success).toBe(false);
  const t = translator(locale);
  return (parsed.error?.issues ?? []).filter((i) => i.path[0] === "postcodes").map((i) => translateMessage(t, i.message));
}

describe("areaFormSchema: postcode problems in the reader's language", () => {
  it("names the line and the entry as typed, in Dutch for a Dutch reader and in English for an English one", () => {
    const text = "7411\n74A1, 7412\n0741";
    expect(postcodeErrors(text, "nl")).toEqual([
      "Regel 2: ‘74A1’ is geen postcode. Een postcode heeft 4 cijfers, bijvoorbeeld 7411 of 7411 AB.",
      "Regel 3: ‘0741’ is geen postcode. Een postcode begint niet met een 0.",
    ]);
    expect(postcodeErrors(text, "en")).toEqual([
      "Line 2: ‘74A1’ is not a postcode. A postcode has 4 digits, for example 7411 or 7411 AB.",
      "Line 3: ‘0741’ is not a postcode. A postcode does not start with a 0.",
    ]);
  });

  it.each([
    [
      "741",
      "Regel 1: ‘741’ is geen postcode. Een postcode heeft 4 cijfers, bijvoorbeeld 7411 of 7411 AB.",
      "Line 1: ‘741’ is not a postcode. A postcode has 4 digits, for example 7411 or 7411 AB.",
    ],
    [
      "7411 abc",
      "Regel 1: ‘7411 abc’ is geen postcode. Na de 4 cijfers komen 2 letters, bijvoorbeeld 7411 AB.",
      "Line 1: ‘7411 abc’ is not a postcode. The 4 digits are followed by 2 letters, for example 7411 AB.",
    ],
    [
      "7411 ss",
      "Regel 1: ‘7411 ss’ is geen postcode. De letters SA, SD en SS komen in postcodes niet voor.",
      "Line 1: ‘7411 ss’ is not a postcode. Postcodes never use the letters SA, SD or SS.",
    ],
    [
      "7418-7411",
      "Regel 1: ‘7418-7411’ loopt achteruit. Zet het laagste getal eerst, bijvoorbeeld 7411-7418.",
      "Line 1: ‘7418-7411’ runs backwards. Put the lowest number first, for example 7411-7418.",
    ],
    [
      "7411 BZ-AA",
      "Regel 1: ‘7411 BZ-AA’ loopt achteruit. Zet de laagste letters eerst, bijvoorbeeld 7411 AA-7411 BZ.",
      "Line 1: ‘7411 BZ-AA’ runs backwards. Put the lowest letters first, for example 7411 AA-7411 BZ.",
    ],
    [
      "7411 AA-7412 BZ",
      "Regel 1: ‘7411 AA-7412 BZ’ gaat over twee cijfergroepen. Een reeks met letters blijft bij dezelfde 4 cijfers, bijvoorbeeld 7411 AA-7411 BZ. Schrijf anders de cijfers apart, bijvoorbeeld 7411-7412.",
      "Line 1: ‘7411 AA-7412 BZ’ spans two groups of digits. A range of letters stays within the same 4 digits, for example 7411 AA-7411 BZ. Otherwise write the digits on their own, for example 7411-7412.",
    ],
    [
      "7411 AB-7418",
      "Regel 1: ‘7411 AB-7418’ is geen goede reeks. Schrijf bijvoorbeeld 7411, 7411-7418, 7411 AB of 7411 AA-7411 BZ.",
      "Line 1: ‘7411 AB-7418’ is not a range we can read. Write for example 7411, 7411-7418, 7411 AB or 7411 AA-7411 BZ.",
    ],
    ["", "Vul minstens één postcode in, bijvoorbeeld 7411 of 7411 AB.", "Enter at least one postcode, for example 7411 or 7411 AB."],
  ])("%j", (text, dutch, english) => {
    expect(postcodeErrors(text, "nl")).toEqual([dutch]);
    expect(postcodeErrors(text, "en")).toEqual([english]);
  });

  it("shows an entry with characters that mean something in the message as typed", () => {
    expect(postcodeErrors("74&1=?%2 {line}", "en")).toEqual([
      "Line 1: ‘74&1=?%2’ is not a postcode. A postcode has 4 digits, for example 7411 or 7411 AB.",
      "Line 1: ‘{line}’ is not a postcode. A postcode has 4 digits, for example 7411 or 7411 AB.",
    ]);
  });
});
