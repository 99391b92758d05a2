"""TOML configuration → a frozen, validated Config.

Every key is described once in SPEC; validation reports all problems at once, naming the file, the
key and what is expected. Secrets are never stored here: the password is fetched on demand by
``get_password`` from a command, the keyring or the environment.

The parts: ``records`` (the frozen Config and its sections), ``spec`` (the table of every key)
with its ``checks``, ``load`` (read and validate) and ``build`` (values → records), ``paths``
(default places), ``password`` and ``example`` (the example person, who never signs real
mail). Import from ``vasteaika.config``; the parts may move.
"""

from vasteaika.config.checks import SECURITY, WEEKDAYS, parse_duration
from vasteaika.config.example import refuse_example
from vasteaika.config.load import config_from_dict, load_config
from vasteaika.config.password import get_calendar_password, get_password, store_password
from vasteaika.config.paths import APP, default_config_path, default_database_path
from vasteaika.config.records import (
    AccountConfig,
    AckConfig,
    CalendarConfig,
    Config,
    HoursConfig,
    RemindersConfig,
    ReportConfig,
    SmtpConfig,
    Vacation,
)
from vasteaika.config.spec import SPEC

__all__ = [
    "APP",
    "SECURITY",
    "SPEC",
    "WEEKDAYS",
    "AccountConfig",
    "AckConfig",
    "CalendarConfig",
    "Config",
    "HoursConfig",
    "RemindersConfig",
    "ReportConfig",
    "SmtpConfig",
    "Vacation",
    "config_from_dict",
    "default_config_path",
    "default_database_path",
    "get_calendar_password",
    "get_password",
    "load_config",
    "parse_duration",
    "refuse_example",
    "store_password",
]
