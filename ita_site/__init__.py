"""Core of the ITA transparency site: load and check `data/`, then build pages.

Stages (one folder each, data flows one way):

- ``inputs/``    read YAML files, remember the line of every value
- ``model/``     the typed model of the data (pydantic); also gives the JSON Schema
- ``rules/``     checks across files (references, recomputed totals, levels)
- ``narrative/`` Thai prose written from the numbers
- ``tracking``   progress of the action plans during the year (status, overdue, open-data rows)
- ``pages/``     page builders: model -> Markdown (no MkDocs needed)
- ``templates/`` Jinja templates holding the Thai wording of the pages
- ``search/``    after the build: Thai word segmentation and the Pagefind search index
"""
