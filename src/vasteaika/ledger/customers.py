"""Who a conversation's customer is, written as SQL so the database applies it.

A customer is a person: the sender's address. Migration m016 keys the summary table
``customers`` by the address and points each conversation at its row
(``conversations.customer_id``); its triggers keep it right for every conversation written
later, whoever writes it. Which domains are companies (everybody at ``koivukuja.fi`` is one
customer) is the owner's config, ``[customers] companies``, so the report groups a company's
people when it reads (``report.tables``), never in the stored summary: a shared domain
(a village's own mail service, a university) never lumps private people together.

``customer_key_sql`` is m005's older rule (the domain of every non-freemail address), kept
because a shipped migration's SQL stays frozen.
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
    """SQL of m005 (replaced by m016): the address itself for freemail, else its domain."""
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


def company_domains(companies: tuple[str, ...], key_customers: tuple[str, ...]) -> list[str]:
    """The domains whose people are one customer: ``[customers] companies``, and a domain named
    among ``[ack] key_customers`` (a company by naming it so)."""
    named = (k.strip().lower().lstrip("@") for k in key_customers)
    wanted = (*(c.strip().lower().lstrip("@") for c in companies), *named)
    return list(dict.fromkeys(d for d in wanted if d and "@" not in d))
