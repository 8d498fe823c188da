/** Placeholder: replaced by the rule-set work (the zod schema of the JSON rule set). */
export type RuleSet = Record<string, unknown>;
