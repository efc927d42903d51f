"""Writing: every file whole or not at all, and the network in the formats of other tools.

The rooms, from the bottom up:

- :mod:`~contactladder.io.locks`: one run at a time per output (:func:`output_lock`), and one
  error line for a failed write (:func:`writing_error`);
- :mod:`~contactladder.io.files`: atomic writes (:func:`replacing`, :func:`write_text`,
  :func:`write_bytes`), outputs of several files written as a set (:func:`output_set`), modes
  kept, files with names private;
- :mod:`~contactladder.io.sheets`: tables as CSV or XLSX and byte-identical workbooks, where no
  cell runs the data (:func:`write_table`, :func:`write_workbook`);
- :mod:`~contactladder.io.values`: how dates, lists and text are written in files;
- :mod:`~contactladder.io.network_tables`: the network as *nodes* and *ties* tables, anonymised
  by the rules of :mod:`contactladder.privacy` (:func:`nodes_table`, :func:`ties_table`), and
  :mod:`~contactladder.io.table_files`, which writes them as CSV or a workbook
  (:func:`write_tables`); :mod:`~contactladder.io.text_columns` and
  :mod:`~contactladder.io.gexf_elements`: a file's elements made a column at a time;
- :mod:`~contactladder.io.graphml` and :mod:`~contactladder.io.gexf`: one snapshot as GraphML,
  the growth as dynamic GEXF for Gephi's timeline;
- :mod:`~contactladder.io.export`: :func:`export`, which chooses the format and file names.

Nothing here prints; the writers return the paths they wrote.

>>> from contactladder.io.export import export_paths
>>> export_paths("outputs/zwolle.gexf")
('gexf', [PosixPath('outputs/zwolle.gexf')])
"""
