/**
 * Shared by the drafting suites: the fixture profiles, a real rules check,
 * and ways to read a .docx back (text via mammoth, XML via jszip).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import mammoth from "mammoth";
import { checkJurisdiction } from "../src/rules/check-zone.ts";
import type { CheckResult } from "../src/rules/rule-result.types.ts";
import { zoneProfileSchema, type ZoneProfile } from "../src/rules/zone-profile.schema.ts";

export type FixtureName = "zhejiang-full" | "zhejiang-partial" | "zibo-full" | "zibo-partial";

export function fixturePath(name: FixtureName): string {
  return fileURLToPath(new URL(`./fixtures/profile-${name}.json`, import.meta.url));
}

export function loadProfile(name: FixtureName): ZoneProfile {
  return zoneProfileSchema.parse(JSON.parse(readFileSync(fixturePath(name), "utf8")));
}

export function checkProfile(profile: ZoneProfile): CheckResult {
  return checkJurisdiction(profile.jurisdiction!, profile);
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

export async function docxPart(bytes: Uint8Array, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} missing from the .docx`);
  return file.async("string");
}

/**
 * Text with layout removed, so a .docx read back and its Markdown compare
 * equal: whitespace, Markdown markup (# | > - * \) and the table separator rows.
 */
export function comparableText(s: string): string {
  return s.replace(/[\s#|>\-*\\]/g, "");
}

/** What no document may say: the tool, its commands, its files. */
export const TOOL_WORDING = [/申报助手/, /命令行/, /\bdraft\b/i, /\.docx\b/, /\.md\b/, /ipzone/i, /Word\s*中/];
