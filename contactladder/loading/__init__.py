"""Loading: read a data folder, check it once, and hand out validated tables.

The data contract
-----------------
A data folder holds:

- ``contacts.csv`` (or ``.tsv``, ``.xlsx``, gzipped ``.csv.gz``): ``date``, ``person_a``,
  ``person_b`` and a rung, as ``rung`` (a level, key or label of the ladder) or ``kind`` (mapped
  to a rung by the ladder file); optionally ``activity``, ``wijk``, ``note``, ``source``.
- ``people.csv`` (optional): ``id``; optionally ``role``, ``name`` (private), ``organisation``,
  ``wijk``, ``joined`` and any further columns, kept as attributes.
- ``attendance.csv`` (optional): ``date``, ``activity``, ``person``. People at the same session
  (one activity on one date) have met: a contact on the lowest rung between each pair.
- ``ladder.toml`` (optional): the ladder (see :mod:`contactladder.ladder`).

Dates are ISO dates or datetimes; numbers are read as times when ``time_unit`` is given. Common
Dutch column names are accepted (datum, persoon_a, persoon_b, trede, soort, activiteit, rol, naam,
organisatie), and ``columns`` maps any other name. Nothing is dropped silently: a bad row is one
clear error naming file, line and value, or, with ``skip_invalid``, set aside with its reason.
Inputs are never modified.

The rooms
---------
- :mod:`~contactladder.loading.files`: finding the files, reading a table as text
- :mod:`~contactladder.loading.columns`: the names used here, aliases, the explicit mapping
- :mod:`~contactladder.loading.dates`: ISO dates and numeric times
- :mod:`~contactladder.loading.rejects`: checking rows; one error, or rows set aside
- :mod:`~contactladder.loading.dataset`: :class:`Dataset` and :func:`load`
- :mod:`~contactladder.loading.describe`: what was read, and warnings

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> _ = (folder / "contacts.csv").write_text("date,person_a,person_b,rung\\n"
...                                          "2024-03-01,ann,bo,praten\\n")
>>> _ = (folder / "people.csv").write_text("id,rol\\nann,parent\\nbo,professional\\n")
>>> data = load(folder)
>>> data.contacts[["person_a", "person_b", "rung"]].values.tolist()
[['ann', 'bo', 2]]
>>> data.people["role"].to_dict()
{'ann': 'parent', 'bo': 'professional'}
>>> scratch.cleanup()
"""

from contactladder.loading.columns import CONTACT_COLUMNS
from contactladder.loading.dataset import Dataset, load
from contactladder.loading.describe import describe
from contactladder.loading.distinct import positions_in
from contactladder.loading.files import read_table
from contactladder.loading.rejects import REJECT_COLUMNS

__all__ = ["Dataset", "load", "describe", "read_table", "positions_in", "CONTACT_COLUMNS",
           "REJECT_COLUMNS"]
