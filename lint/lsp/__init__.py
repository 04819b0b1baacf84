"""``newslint lsp``: the Language Server Protocol front end (pygls, stdio).

The protocol layer only maps positions, names and settings; the findings are the
engine's, the same as ``newslint check`` gives for the same text and date.
"""
