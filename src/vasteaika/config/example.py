"""The example person of the starter file and examples/config.toml, who must never sign real
mail: a config still naming Ylermi Yrittäjä, his phone number or his business as the owner or
in the signature is refused before an acknowledgment or a reminder leaves.

A data table and one check apart from the validation (``load``): the example config itself is
valid (the demo reads it), only sending with it is wrong, so the check runs where mail goes out.
"""

from __future__ import annotations

from vasteaika.catalogue import Said, fault
from vasteaika.config.records import Config
from vasteaika.errors import ConfigError

# What only the example has: its person, phone numbers and business. (Its mail domain is
# the test server's user, and an address signs nothing.)
EXAMPLE_MARKS = (
    "Ylermi Yrittäjä",
    "040 123 4567",
    "0401234567",
    "Pihapalvelu Yrittäjä",
    "Matti Mallikas",
    "040 765 4321",
)


def example_leftovers(config: Config) -> list[str]:
    """The keys that still hold the example person, each as ``key (value)``."""
    vacation = config.ack.vacation
    fields = {
        "owner.name": config.owner_name,
        "ack.signature": config.ack.signature,
        "ack.vacation_substitute": vacation.substitute if vacation else "",
    }
    found = []
    for key, value in fields.items():
        marks = [m for m in EXAMPLE_MARKS if m.casefold() in value.casefold()]
        if marks:
            found.append(f"{key} ({', '.join(marks)})")
    return found


def refuse_example(config: Config) -> None:
    """Raise ConfigError (exit 78) when the config would sign mail as the example person."""
    leftovers = example_leftovers(config)
    if leftovers:
        where = config.path or Said("config.the_config")
        raise fault(ConfigError, "config.example_person", where=where, leftovers="; ".join(leftovers))
