// Exact money amounts for explanations. Equal shares splits costs into
// fractions of a cent; a results page shows them rounded, an audit needs the
// exact fraction, so we hand out both.

export interface ExactEuros {
  /** For display; may be rounded. */
  readonly euros: number;
  /** The exact amount in euros as "numerator/denominator" (or a whole number), reduced. */
  readonly exact: string;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function exactEuros(numerator: bigint, denominator: bigint): ExactEuros {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const divisor = gcd(numerator, denominator) || 1n;
  const num = numerator / divisor;
  const den = denominator / divisor;
  return { euros: bigRatioToNumber(num, den), exact: den === 1n ? String(num) : `${num}/${den}` };
}

/** Nearest double to num/den, also when both are far beyond 2^53. */
export function bigRatioToNumber(num: bigint, den: bigint): number {
  const whole = num / den;
  const rest = num % den;
  // Scale the remainder to 2^64ths before dividing, so huge denominators keep their precision.
  const fraction = Number((rest << 64n) / den) / 2 ** 64;
  return Number(whole) + fraction;
}
