"""pytest settings: hypothesis keeps no example database (no .hypothesis/ in the tree)."""

from hypothesis import settings

settings.register_profile("vardavtal", database=None)
settings.load_profile("vardavtal")
