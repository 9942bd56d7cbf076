"""Charts rendered at build time: Altair specs -> SVG (vl-convert) inlined in the pages.

- ``theme``   colours, font, sizes: the one place that defines the look
- ``kinds``   one function per kind of chart, returning an Altair chart
- ``render``  spec -> SVG, cached by the spec's content hash; registers the font in ``fonts/``
- ``figures`` the figures of each page (chart + title + summary + data table)

``fonts/`` holds Sarabun (SIL Open Font License, ``fonts/OFL.txt``): vl-convert measures
the chart text with it, and the SVG names the same family, which the pages serve.
"""
