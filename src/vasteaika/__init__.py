"""vasteaika: react to every customer at once, and see how fast you really answer."""

__version__ = "0.1.0"
