"""The mailbox, read-only, and the one outgoing door.

Sources (IMAP, local Maildir and mbox behind one ``MailSource`` seam), raw mail to a ``Message``
(parse), who wrote it (classify: customer, owner, robot, with reasons), addresses we dare
write to, and SMTP.
"""
