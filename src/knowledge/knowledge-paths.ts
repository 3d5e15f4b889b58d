/** Where knowledge/ lives, found from this file so the working directory does not matter. */
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** Absolute path of a project-relative path such as "knowledge/zb2020.json". */
export function projectPath(relative: string): string {
  return `${PROJECT_ROOT}${relative}`;
}
