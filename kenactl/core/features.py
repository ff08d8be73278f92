"""What only some operators offer (Kena Restart, the Carta dei Servizi rules kenactl knows), and the one check a
command makes before it uses one: kept apart from ``core.operator`` so that ``restart check`` refuses a line of
another operator without loading the operator model."""

from kenactl.errors import InputError
from kenactl.text import N_, Msg, data_text

FEATURES = {
    "restart": N_("line {line} ({operator}): Restart exists only for {offered} lines"),
    "service-charter": N_("line {line} ({operator}): the Carta dei Servizi rules kenactl knows are those of {offered}"),
}
"""What an operator file may list under ``features``, with the refusal for a line whose operator lacks it."""


def require_feature(feature: str, line_name: str, operator_id: str,
                    offers: dict[str, tuple[str, frozenset[str]]]) -> None:
    """The one check of a feature (``FEATURES``): refuse (exit 2) a line whose operator does not list it.

    ``offers`` gives each known operator's name and features by id (the registry's, in its order); the
    refusal names those that offer it.
    """
    if operator_id in offers and feature in offers[operator_id][1]:
        return
    offered = " / ".join(name for name, features in offers.values() if feature in features)
    shown = offers[operator_id][0] if operator_id in offers else operator_id
    raise InputError(None, Msg(FEATURES[feature], line=repr(line_name), operator=data_text(shown),
                               offered=offered or Msg("none")))
