"""Accounts and access: roles, argon2 password hashes, sessions, API tokens, login throttling.

Framework-free: the web layer (``civharm.web.desk.security``) turns cookies and headers into a
``Principal`` through ``Accounts``; the CLI manages users through the same class.
"""

from civharm.auth.accounts import Accounts, ApiToken, LoginThrottled, User
from civharm.auth.roles import Principal, Role

__all__ = ["Accounts", "ApiToken", "LoginThrottled", "Principal", "Role", "User"]
