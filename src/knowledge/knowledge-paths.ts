/** Where knowledge/ lives, found from the project root so the working directory does not matter. */
import { PROJECT_ROOT as ROOT } from "../project-root.ts";

export const PROJECT_ROOT = `${ROOT}/`;
export const KNOWLEDGE_DIR = `${ROOT}/knowledge/`;

/** Absolute path of a project-relative path such as "knowledge/zb2020.json". */
export function projectPath(relative: string): string {
  return `${PROJECT_ROOT}${relative}`;
}

/** The build's record of the knowledge files it validated, by digest (load-policies.ts, scripts/record-start-data.mjs). */
export const VALIDATED_KNOWLEDGE_PATH = `${ROOT}/dist/knowledge/validated.json`;
