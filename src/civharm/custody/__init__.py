"""Evidence integrity: the append-only, hash-chained custody log, evidence items, packages, verify.

log.py        append entries (each carries the previous entry's hash) and check the chain
evidence.py   evidence items: uploads checked for type and size, SHA-256 at capture, originals immutable
package.py    the evidence package ZIP (originals, manifest of hashes, custody entries) and its offline check
verify.py     ``civharm verify``: re-hash every stored original and check the chain
"""
