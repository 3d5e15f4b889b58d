/** How amounts and counts read in Chinese reports. */

// One formatter for the process (toLocaleString builds a new one on every call),
// made on first use: the first Intl object loads ICU's data (30–100 ms), which a
// start that formats no amount need not pay.
let grouped: Intl.NumberFormat | undefined;

/** 130000 → "130,000" */
export function groupDigits(n: number): string {
  grouped ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  return grouped.format(n);
}

/** 130000 → "13万元"; 5000 → "0.5万元"; 1234 → "1,234元" */
export function wanYuan(n: number): string {
  if (n >= 1000 && n % 1000 === 0) return `${n / 10000}万元`;
  return `${groupDigits(n)}元`;
}

/** 130000 → "¥130,000（13万元）" — the form every report uses for an amount. */
export function formatYuan(n: number): string {
  return n === 0 ? "¥0" : `¥${groupDigits(n)}（${wanYuan(n)}）`;
}

/** 30000 → "3 万元" — in running text, as in the traces. */
export function wanText(n: number): string {
  return wanYuan(n).replace(/^([\d.,]+)/, "$1 ");
}
