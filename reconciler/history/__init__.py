"""The audit log read back: what each entry tells (`story`), the state at any moment
rebuilt by replaying the entries (`replay`)."""
