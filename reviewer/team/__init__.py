"""Team mode: many reviewers on one PostgreSQL store, and scans spread over several machines.

`conflicts` keeps two reviewers from overwriting each other's decisions, `claims` hands out
records to scan workers with `SELECT ... FOR UPDATE SKIP LOCKED`, `roles` says which team role
the current database login has.
"""
