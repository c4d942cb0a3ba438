"""Read: access files and the policy, bounded and strict, into the desired model.

loader (strict YAML with positions) -> schema (each failure a located problem) -> model
(normalised records); text is the character policy, policy the eligibility settings,
directory_csv the RAMQ directory export. See docs/ARCHITECTURE.md.
"""
