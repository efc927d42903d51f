"""Rendering: words, pictures and pages made from the tables and graphs they are given.

Nothing here computes a table or writes a file: the jobs compute once, hand the results in, and
write what comes back.

- :mod:`~contactladder.render.styles`: sizes, widths and colours by role, organisation and rung;
- :mod:`~contactladder.render.layout`: positions of everyone, the same on every map;
- :mod:`~contactladder.render.map_payload` (of any graph), :mod:`~contactladder.render.network_map`
  (of a network) and :mod:`~contactladder.render.timeline_payload`:
  the named data a page reads (checked by :mod:`~contactladder.render.payload_schema`), and
  :mod:`~contactladder.render.map_text` for their words;
- :mod:`~contactladder.render.page`: the self-contained HTML pages (template, CSP), and
  :mod:`~contactladder.render.frame`: a page in a sandboxed frame (embedding, notebooks);
- :mod:`~contactladder.render.static_map`: the same map as PNG or SVG;
- :mod:`~contactladder.render.charts`, :mod:`~contactladder.render.report` (its pictures),
  :mod:`~contactladder.render.report_tables`, :mod:`~contactladder.render.report_sections`
  (the page), :mod:`~contactladder.render.report_columns` and
  :mod:`~contactladder.render.report_parts`: the report;
- :mod:`~contactladder.render.worklist_page`: the weaver's lists as a page and as terminal text.
"""
