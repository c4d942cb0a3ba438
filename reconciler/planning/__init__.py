"""Plan: desired model + state snapshot -> Plan, pure (planner.make_plan), and what
surrounds it: the settled scope a warm plan skips, what would make apply refuse a plan,
plans saved as JSON. See docs/ARCHITECTURE.md.
"""
