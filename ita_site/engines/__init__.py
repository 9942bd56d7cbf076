"""The engines that turn the generated Markdown into the site: thin adapters over ``build``.

- ``mkdocs``    MkDocs + Material (the default): ``hooks/ita.py`` binds MkDocs' events to
                :class:`~ita_site.engines.mkdocs.MkDocsEngine`
- ``zensical``  Zensical, Material's successor: writes the pages and a config for it, runs
                ``zensical build``, then the same search index and PDFs
                (``python scripts/build_zensical.py``)
"""
