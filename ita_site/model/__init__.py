"""The typed model of the data files (``files``) and the table of file kinds (``kinds``)."""
