// The first entries of public lists of leaked passwords, plus Dutch favourites.
const commonPasswords = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "wachtwoord",
  "wachtwoord1",
  "wachtwoord12",
  "wachtwoord123",
  "welkom1234",
  "welkom12345",
  "password12",
  "password123",
  "password1234",
  "1q2w3e4r5t",
  "qwerty1234",
  "qwerty12345",
  "iloveyou12",
  "aaaaaaaaaa",
  "abcdefghij",
  "abc1234567",
  "voetbal123",
  "ajax123456",
  "feyenoord1",
  "zomer20242",
  "wijkvonk123",
]);

/** Returns a message key when the password is too easy to guess, else null. Length is checked by the schema. */
export function weakPasswordReason(password: string, email?: string): "validation.passwordTooCommon" | null {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "validation.passwordTooCommon";
  if (new Set(lower).size <= 2) return "validation.passwordTooCommon";
  // "anna.devries2024" for anna.devries@… is the email with a little added.
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local) && lower.length - local.length < 4) return "validation.passwordTooCommon";
  return null;
}
