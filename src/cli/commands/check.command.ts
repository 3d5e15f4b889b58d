/**
 * `check --input <profile.json> [--json]`: zone eligibility (zj2018 第六条 /
 * zb2020 第五条). Without `jurisdiction` in the profile, both side by side.
 */
import { CliUsageError, type CliCommand } from "../command.types.ts";
import { checkZone, isSideBySide } from "../../rules/check-zone.ts";
import { parseRuleCommandArgs, readRuleInput, RuleInputError } from "../rule-command-input.ts";
import { renderCheckReport, renderSideBySideReport } from "../../reports/render-check-report.ts";
import { zoneProfileSchema } from "../../rules/zone-profile.schema.ts";

const usage = "check --input <profile.json> [--json]";

const checkCommand: CliCommand = {
  name: "check",
  summary: "示范区申报资格自检（不填 jurisdiction 时浙江、淄博对照）",
  usage,
  async run(args) {
    let profile;
    let json: boolean;
    try {
      const a = parseRuleCommandArgs(args, usage);
      json = a.json;
      profile = readRuleInput(a.input, zoneProfileSchema, "示范区信息文件");
    } catch (err) {
      if (err instanceof RuleInputError) throw new CliUsageError(err.message);
      throw err;
    }
    const result = checkZone(profile);
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    else process.stdout.write((isSideBySide(result) ? renderSideBySideReport(result) : renderCheckReport(result)) + "\n");
    return 0;
  },
};

export default checkCommand;
