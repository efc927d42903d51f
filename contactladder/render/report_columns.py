"""The words of the report's tables: a header for every column key, and the transitions as a
table that keeps "stayed" apart from the moves.

Tables keep their keys (the growth table's column names) in ``data-column`` and in the CSV
files beside the report; the headers a reader sees are words of the report's language from the
catalogue (``report.col_<key>``), a rung column named by its rung.

Examples
--------
>>> headers = column_headers(Ladder.default(), "en", focal="parent")
>>> headers["rung_praten"], headers["focal_alone"]
('Chatting', 'Parents without a tie')
>>> column_headers(Ladder(list(Ladder.default())[:2]), "en")["focal_peer_ge_praten"]
"Parents with a tie at 'Chatting' or higher"
"""

from __future__ import annotations

import pandas as pd

from contactladder.analysis.growth import sharing_column
from contactladder.ladder import Ladder
from contactladder.render.report_tables import GROUP_COLUMNS
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["column_headers", "transitions_table", "NOT_A_MOVE"]

#: The cell of a transitions table where a tie stays on its rung (counted under "stayed").
NOT_A_MOVE = "–"
_KEYS = (*GROUP_COLUMNS, *"activity share_ge3 mean_rung level key rung from_rung stayed".split())


def column_headers(ladder: Ladder, lang: str, *, focal: str = "parent") -> dict[str, str]:
    """The header of every column key the report's tables use, in ``lang``, the ``focal``
    role named in them."""
    w = words(lang)
    focal = role_word(focal, lang, plural=True)
    headers = {
        key: w[f"report.col_{key}"].format(Focal=focal, focal=focal.lower()) for key in _KEYS
    }
    for prefix, key in (("focal_peer", "col_focal_peer_ge_rung"), ("share", "col_share_ge_rung")):
        column = sharing_column(ladder, prefix)
        if column not in headers:  # a ladder whose sharing rung is not level 3
            text = w[f"report.{key}"]
            headers[column] = text.format(Focal=focal, rung=ladder.sharing.label(lang))
    for rung in ladder:
        headers[f"rung_{rung.key}"] = rung.label(lang)
        headers[f"to_{rung.key}"] = w["report.col_to"].format(rung=rung.label(lang))
    return headers


def transitions_table(moves: pd.DataFrame, ladder: Ladder, lang: str) -> pd.DataFrame:
    """The transitions summed over all periods, one row per rung a tie came from (first the
    new ties), with the ties that stayed on their rung in a column of their own and the ties
    that moved in a column per rung they moved to (headers: :func:`column_headers`).

    >>> moves = pd.DataFrame({"period": ["p1", "p2", "p2"], "from_rung": ["none", "kennen",
    ...     "kennen"], "to_rung": ["kennen", "kennen", "praten"], "ties": [5, 4, 1]})
    >>> table = transitions_table(moves, Ladder.default(), "en")
    >>> table.iloc[:3, :4].values.tolist()
    [['new', '–', 5, 0], ['Acquaintance', 4, '–', 1], ['Chatting', 0, 0, '–']]
    >>> list(table.columns[:3])
    ['from_rung', 'stayed', 'to_kennen']
    """
    w = words(lang)
    keys = [rung.key for rung in ladder]
    matrix = moves.pivot_table(
        index="from_rung", columns="to_rung", values="ties", aggfunc="sum", fill_value=0
    )
    matrix = matrix.reindex(index=["none", *keys], columns=keys, fill_value=0).astype(object)
    stayed: list[object] = [NOT_A_MOVE]
    for key in keys:
        stayed.append(int(matrix.at[key, key]))
        matrix.at[key, key] = NOT_A_MOVE
    labels = {"none": w["report.new"], **{r.key: r.label(lang) for r in ladder}}
    table = pd.DataFrame({"from_rung": [labels[k] for k in matrix.index], "stayed": stayed})
    for key in keys:
        table[f"to_{key}"] = [int(v) if v != NOT_A_MOVE else v for v in matrix[key]]
    return table
