"""The export VAT rebate (出口退税) rules as the registry describes them: one adapter module per rule.

Each module is named by its rule's id (``export.rebate_rate`` →
:mod:`taxcalc.rules.export.rebate_rate`) and holds ``DEFINITIONS``, the rule's
:class:`~taxcalc.rules.protocol.Definition`; it imports the rule module of
:mod:`taxcalc.export` it calls (and the catalogue reader, which the rebate rules
share) and no other.  The catalogue of rebate rates is named by a file
(``catalogue``) or is the shipped SAMPLE (``sample``).
"""
