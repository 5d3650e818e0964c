"""The VAT (增值税) rules as the registry describes them: one adapter module per rule.

Each module is named by its rule's id (``vat.rate`` → :mod:`taxcalc.rules.vat.rate`) and
holds ``DEFINITIONS``, the rule's :class:`~taxcalc.rules.protocol.Definition`: its input
model, a thin ``compute`` adapter calling the public function of :mod:`taxcalc.vat`, the
text the command line prints and an example input.  A module imports the rule module
of :mod:`taxcalc.vat` it calls and no other, so that asking one rule loads that rule.
"""
