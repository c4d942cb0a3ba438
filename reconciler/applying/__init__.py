"""Apply: a Plan carried out on the store, one transaction per action (executor), with
secret codes made and sealed and emails composed and sent. See docs/ARCHITECTURE.md.
"""
