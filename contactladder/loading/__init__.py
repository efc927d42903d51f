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
- ``ladder.toml`` (optional): the ladder (see :mod:`contactladder.ladder`); it may give only
  ``[kinds]``.

Each file may also be a folder of files (``contacts/``, one per day or session). Dates are ISO,
or written day and month first (``5-3-2024``, ``5/3/2024 09:30``), or Excel serial numbers in a
workbook; the order of day and month is decided per column, and ``dayfirst``, ``monthfirst`` or
``date_format`` settle a column that reads both ways. Numbers are read as times when
``time_unit`` is given. Text files may be UTF-8, UTF-16 or Windows-1252 (``encoding`` for others),
separated by commas, semicolons, tabs or spaces, with extra header rows (``skip_rows``) or none
(``no_header``, columns named by position). Common Dutch column names are accepted (datum,
persoon_a, persoon_b, trede, soort, activiteit, rol, naam, organisatie), as are Gephi's
``Source``/``Target`` and a survey's ``respondent``/``alter``; ``columns`` maps any other name.
Role words are read as one vocabulary (``Ouders`` is ``parent``). Nothing is dropped silently:
a bad row is one clear error naming file, line and value, or, with ``skip_invalid``, set aside
with its reason. Inputs are never modified. A Network Canvas export is read with
:func:`read_networkcanvas`.

The rooms
---------
- :mod:`~contactladder.loading.files`: finding the files, reading a table as text
- :mod:`~contactladder.loading.header`: a table's header row, checked
- :mod:`~contactladder.loading.coded`: a table kept as integer codes into each column's distinct
  values, each stripped and checked once
- :mod:`~contactladder.loading.clean_contacts`: the contacts of a file with no bad row, checked
  on distinct values (any other file is checked row by row, for its messages)
- :mod:`~contactladder.loading.columns`: the names used here, aliases, the explicit mapping
- :mod:`~contactladder.loading.dates`: dates as people write them, and numeric times
- :mod:`~contactladder.loading.rejects`: checking rows; one error, or rows set aside
- :mod:`~contactladder.loading.readers`: the contacts, people and attendance files
- :mod:`~contactladder.loading.dataset`: :class:`Dataset` and :func:`load`
- :mod:`~contactladder.loading.events`: sensor records merged into contact events with a
  duration (``merge_gap``), and rungs by daily contact time
- :mod:`~contactladder.loading.network_canvas`: a Network Canvas CSV export
- :mod:`~contactladder.loading.describe`: what was read, and warnings

Examples
--------
The shipped demo folder, with its attendance read as contacts on the lowest rung:

>>> data = load("data/zwolle-demo")
>>> data.name, data.people["role"].value_counts().to_dict()
('zwolle-demo', {'parent': 240, 'professional': 30, 'volunteer': 6})
>>> data.contacts["source"].value_counts().to_dict()["attendance"]
32794
"""

from contactladder.loading.columns import CONTACT_COLUMNS
from contactladder.loading.dataset import Dataset, load
from contactladder.loading.describe import describe
from contactladder.loading.distinct import positions_in
from contactladder.loading.events import contact_events
from contactladder.loading.files import data_files, read_table
from contactladder.loading.network_canvas import NetworkCanvasExport, read_networkcanvas
from contactladder.loading.rejects import REJECT_COLUMNS

__all__ = [
    "Dataset",
    "load",
    "describe",
    "contact_events",
    "read_table",
    "data_files",
    "positions_in",
    "read_networkcanvas",
    "NetworkCanvasExport",
    "CONTACT_COLUMNS",
    "REJECT_COLUMNS",
]
