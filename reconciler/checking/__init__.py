"""Check: every access file read and its domain rules checked (validation.validate_paths),
through a reader: the plain one, or the parse cache's (cache.CachingReader), which gives
back what bytes already seen yielded. See docs/ARCHITECTURE.md.
"""
