"""The environmental protection tax (环境保护税) rules as the registry describes them: one adapter
module per rule, named by its rule's id (``env.reduction`` → :mod:`taxcalc.rules.env.reduction`)."""
