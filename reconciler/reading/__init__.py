"""Read: access files and the policy, bounded and strict, into the desired model.

loader (strict YAML with positions) -> schema (located problems) -> model (normalised
records); text is the character policy, policy the eligibility rules' settings, cache the
caching reader (the seam that makes a warm validation cheap), directory_csv the RAMQ
directory export. See docs/ARCHITECTURE.md.
"""
