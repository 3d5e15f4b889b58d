/**
 * The boundary of check and estimate: raw JSON in, a typed input or every
 * bad field in Chinese out. The chat intake and the drafting command use the
 * same functions.
 */
import { agencyInputSchema, type AgencyInput } from "./agency-input.schema.ts";
import { parseInput, type ParseOutcome } from "./format-input-errors.ts";
import { zoneProfileSchema, type ZoneProfile } from "./zone-profile.schema.ts";

export function parseZoneProfile(raw: unknown): ParseOutcome<ZoneProfile> {
  return parseInput(zoneProfileSchema, raw);
}

export function parseAgencyInput(raw: unknown): ParseOutcome<AgencyInput> {
  return parseInput(agencyInputSchema, raw);
}
