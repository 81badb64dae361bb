"""The note types' field names, frozen forever (see package.py), in a module of their own so
that reading the lock file does not import genanki."""

BASIC_FIELDS = ("Term", "Definition", "Aliases", "Section", "Source", "Reverse")
CLOZE_FIELDS = ("Text", "Extra", "Section", "Source")
