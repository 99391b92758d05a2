"""Who a conversation's customer is: the one rule, written as SQL so the database applies it.

A customer is the sender's address, or the whole domain when the domain is a company's (not a
freemail service): everybody at ``yritys.fi`` is one customer, each Gmail user is their own.
Migration m005 keys the summary table ``customers`` by this SQL (backfilled with it) and points
each conversation at its row (``conversations.customer_id``); its triggers apply the same SQL
to every conversation inserted or changed later, whoever writes it. The rule is baked into the
triggers when the migration runs: changing it needs a new migration that rebuilds the table and
recreates the triggers.
"""

from __future__ import annotations

from vasteaika.mail.freemail import FREEMAIL_DOMAINS

# One list for the whole program: classify (contact forms) and the report's customers.
FREEMAIL = tuple(sorted(FREEMAIL_DOMAINS))

_FREEMAIL_SQL = ", ".join(f"'{d}'" for d in FREEMAIL)


def domain_sql(column: str) -> str:
    """SQL: the part of the address ``column`` after its '@'."""
    return f"substr({column}, instr({column}, '@') + 1)"


def customer_key_sql(column: str) -> str:
    """SQL: the customer the address ``column`` belongs to (itself for freemail, else its
    domain)."""
    domain = domain_sql(column)
    return f"CASE WHEN {domain} IN ({_FREEMAIL_SQL}) THEN {column} ELSE {domain} END"


def ignored_sql(column: str, ignore: tuple[str, ...]) -> tuple[str, list[str]]:
    """SQL (with its parameters) true when the address ``column`` is on ``[customers] ignore``:
    an entry with ``@`` is an address, else a domain with its subdomains (classify's rule).
    Applied on read, so an entry added later takes old conversations off every list too."""
    terms: list[str] = []
    params: list[str] = []
    for entry in ignore:
        wanted = entry.strip().lower()
        if "@" in wanted.lstrip("@"):
            terms.append(f"{column} = ?")
            params.append(wanted)
        elif domain := wanted.lstrip("@"):
            terms.append(f"({domain_sql(column)} = ? OR {domain_sql(column)} LIKE ?)")
            params += [domain, f"%.{domain}"]
    return (f"({' OR '.join(terms)})" if terms else "0"), params
