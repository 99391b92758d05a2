"""The ledger: who wrote when and when the owner answered.

The database (connection, migrations, transactions, locks), the sync of new mail by
UID watermark, threading into conversations, which of the owner's mails answers which
conversation (``answers``) and the conversation's turns of waiting and answer (``turns``,
``timeline``), the `check` use case that reads a mailbox into it, customers, and the
conversation records that export and screens read.
"""
