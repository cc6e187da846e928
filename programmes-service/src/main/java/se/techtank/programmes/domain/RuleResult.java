package se.techtank.programmes.domain;

/** One rule's outcome for one company, with what the rule asks and what was known. */
public record RuleResult(EligibilityRule rule, RuleOutcome outcome, String detail) {}
