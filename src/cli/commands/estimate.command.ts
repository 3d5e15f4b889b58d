/** `estimate --input <agency.json> [--json]`: an agency's support estimate (Zibo 第九条; ceilings, in yuan). */
import { CliUsageError, type CliCommand } from "../command.types.ts";
import { AmountRangeError } from "../../rules/amount-range.error.ts";
import { agencyInputSchema } from "../../rules/agency-input.schema.ts";
import { parseRuleCommandArgs, readRuleInput, RuleInputError } from "../rule-command-input.ts";
import { estimateSupport, NoSupportEstimateError } from "../../rules/estimate/estimate-support.ts";
import { renderEstimateReport } from "../../reports/render-estimate-report.ts";

const usage = "estimate --input <agency.json> [--json]";

const estimateCommand: CliCommand = {
  name: "estimate",
  summary: "服务机构资助测算（各项上限，如淄博市建设方案第九条）",
  usage,
  async run(args) {
    let input;
    let json: boolean;
    try {
      const a = parseRuleCommandArgs(args, usage);
      json = a.json;
      input = readRuleInput(a.input, agencyInputSchema, "机构信息文件");
    } catch (err) {
      if (err instanceof RuleInputError) throw new CliUsageError(err.message);
      throw err;
    }
    let result;
    try {
      result = estimateSupport(input);
    } catch (err) {
      if (err instanceof AmountRangeError || err instanceof NoSupportEstimateError) throw new CliUsageError(err.message);
      throw err;
    }
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    else process.stdout.write(renderEstimateReport(result) + "\n");
    return 0;
  },
};

export default estimateCommand;
