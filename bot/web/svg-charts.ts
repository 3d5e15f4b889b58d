/**
 * Server-rendered SVG charts: horizontal bars and stacked weekly columns.
 * Written here rather than taken from a chart library: the desk runs with no
 * internet and no client script beyond htmx, these two shapes are all it
 * needs, and SVG from the server prints and screenshots as it looks. Every
 * text is escaped.
 */
const esc = (s: string) => s.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export const PALETTE = ["#1f5fa8", "#c0392b", "#2e8b57", "#8a8f98", "#b7791f", "#6b4fa0"];

export interface Bar {
  label: string;
  value: number;
  color?: string;
  /** shown after the value, e.g. a share */
  note?: string;
}

export function barChart(bars: readonly Bar[], options: { title: string; width?: number; labelWidth?: number }): string {
  const width = options.width ?? 560;
  const labelWidth = options.labelWidth ?? 170;
  const row = 28;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = width - labelWidth - 90;
  const parts = [
    `<svg class="chart" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${esc(options.title)}</title>`,
  ];
  if (bars.length === 0) parts.push(`<text x="0" y="20" class="muted">暂无数据</text>`);
  bars.forEach((b, i) => {
    const y = i * row + 4;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * plot));
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" class="label">${esc(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 10}" rx="2" fill="${b.color ?? PALETTE[0]}"><title>${esc(`${b.label}：${b.value}`)}</title></rect>`,
      `<text x="${labelWidth + w + 6}" y="${y + 17}" class="value">${b.value}${b.note ? `（${esc(b.note)}）` : ""}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

export interface Series {
  label: string;
  color: string;
}

/** Columns per category (e.g. week), each stacked by series, with a legend. */
export function stackedColumns(
  categories: readonly { label: string; values: readonly number[] }[],
  series: readonly Series[],
  options: { title: string; width?: number; height?: number },
): string {
  const width = options.width ?? 720;
  const height = options.height ?? 240;
  const top = 28;
  const bottom = 36;
  const left = 36;
  const plotH = height - top - bottom;
  const totals = categories.map((c) => c.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const step = (width - left - 8) / Math.max(1, categories.length);
  const colW = Math.min(36, step * 0.6);
  const parts = [
    `<svg class="chart" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${esc(options.title)}</title>`,
  ];
  series.forEach((s, i) => {
    parts.push(`<rect x="${left + i * 96}" y="4" width="12" height="12" fill="${s.color}"/>`, `<text x="${left + i * 96 + 16}" y="15" class="label">${esc(s.label)}</text>`);
  });
  for (const frac of [0, 0.5, 1]) {
    const y = top + plotH - frac * plotH;
    parts.push(`<line x1="${left}" x2="${width - 4}" y1="${y}" y2="${y}" class="grid"/>`, `<text x="${left - 6}" y="${y + 4}" text-anchor="end" class="axis">${Math.round(frac * max)}</text>`);
  }
  categories.forEach((c, i) => {
    const x = left + i * step + (step - colW) / 2;
    let y = top + plotH;
    c.values.forEach((v, j) => {
      if (v === 0) return;
      const h = (v / max) * plotH;
      y -= h;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${colW.toFixed(1)}" height="${h.toFixed(1)}" fill="${series[j]!.color}"><title>${esc(`${c.label} ${series[j]!.label}：${v}`)}</title></rect>`);
    });
    if (totals[i]) parts.push(`<text x="${(x + colW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${totals[i]}</text>`);
    parts.push(`<text x="${(x + colW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${esc(c.label)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
