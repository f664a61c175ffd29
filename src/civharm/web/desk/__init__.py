"""The analyst's desk under ``/desk``: sign-in, review queue, decisions, evidence, custody, users.

security.py     who is asking (session cookie or API token), role checks, CSRF
visibility.py   the store as the public may see it (published incidents only)
routes.py       sign-in and the review pages
actions.py      the decisions (forms that change an incident)
evidence.py     evidence upload, download, package export, custody log
admin.py        user accounts
history.py      the public revision history of a published incident
"""
