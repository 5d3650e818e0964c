"""The enterprise income tax (企业所得税) rules as the registry describes them: one adapter module per rule.

Each module is named by its rule's id (``eit.small_profit`` →
:mod:`taxcalc.rules.eit.small_profit`) and holds ``DEFINITIONS``, the rule's
:class:`~taxcalc.rules.protocol.Definition`: its input model, a thin ``compute``
adapter calling the public function of :mod:`taxcalc.eit`, the text the command line
prints and an example input.  A module imports the rule module of :mod:`taxcalc.eit`
it calls (and what that module needs) and no other.

The records of :mod:`taxcalc.eit` are :func:`taxcalc.inputs.record` classes:
``eit.annual`` takes :class:`~taxcalc.eit.EnterpriseYear` itself, and the tables
inside the other inputs (losses, certificates, R&D facts, the enterprise's year)
are those records, read by :func:`taxcalc.inputs.parse` like every field.
"""
