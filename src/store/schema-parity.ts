/**
 * The SQLite and PostgreSQL schemas must describe the same data: Prisma needs
 * one schema file and one migration history per provider, and the two files
 * may differ only in the datasource provider and the generated client's
 * output folder. Returns the lines that differ otherwise (empty = in sync).
 */
export function schemaDifferences(sqliteSchema: string, postgresSchema: string): string[] {
  const a = normalise(sqliteSchema);
  const b = normalise(postgresSchema);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push(`第 ${i + 1} 行：schema.prisma「${a[i] ?? "（无）"}」≠ postgres/schema.prisma「${b[i] ?? "（无）"}」`);
  }
  return out;
}

function normalise(schema: string): string[] {
  return schema
    .replace(/^(\s*provider\s*=\s*)"(sqlite|postgresql)"/m, '$1"<provider>"')
    .replace(/^(\s*output\s*=\s*)"[^"]*"/m, '$1"<output>"')
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
}
