"""Check: the domain rules' problems in the whole input, and the validation that runs
reading and rules over every file (validation.validate_paths). See docs/ARCHITECTURE.md.
"""
