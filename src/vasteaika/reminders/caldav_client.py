"""The CalDAV adapter: the only module that imports the ``caldav`` library (python-caldav).

It finds the owner's calendar (a calendar's own address, or a server's address from which the
principal's calendars are discovered, a host's root through its RFC 6764 /.well-known/caldav)
and writes one event resource per reminder with conditional requests: a new event with ``If-None-Match: *``, a change or a
deletion with ``If-Match`` the ETag last seen, so an edit made on the phone in between is never
overwritten blindly. The outcomes the sync acts on are exceptions carrying data
(``EventGone``, ``EventChanged``); the library's and the network's errors become our own
(authentication 77, unreachable 69, temporary 75) with a one-line message.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from caldav.davclient import DAVClient
from caldav.lib import error as dav_error

from vasteaika.catalogue import fault
from vasteaika.config.records import CalendarConfig
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.net import shown_url

ICS_TYPE = "text/calendar; charset=utf-8"


class EventGone(Exception):
    """The event is no longer on the server: the owner deleted it (on the phone)."""


class EventChanged(Exception):
    """The event on the server is not the one vasteaika wrote last: edited elsewhere."""

    def __init__(self, etag: str | None, href: str = "") -> None:
        super().__init__(etag)
        self.etag = etag
        self.href = href


@dataclass(frozen=True)
class Written:
    href: str
    etag: str | None


@dataclass(frozen=True)
class CalendarInfo:
    url: str
    name: str


class CalendarServer(Protocol):
    """What the calendar sync needs of a server (a fake in unit tests, CalDAV for real)."""

    def create(self, uid: str, ics: bytes) -> Written: ...

    def update(self, href: str, ics: bytes, etag: str | None) -> Written: ...

    def delete(self, href: str, etag: str | None) -> None: ...


class CalDavCalendar:
    """One calendar collection on a CalDAV server, reached with the given password or token."""

    def __init__(self, config: CalendarConfig, secret: str) -> None:
        self.config = config
        self._secret = secret
        self.client = self._client(config.url)
        self._chosen: CalendarInfo | None = None

    def _client(self, url: str) -> DAVClient:
        ca_file = self.config.ca_file
        if ca_file is not None and not ca_file.is_file():
            raise fault(ConfigError, "caldav.ca_file", ca_file=ca_file)
        with _translated(url):
            kwargs: dict[str, Any] = {
                "url": url,
                "username": self.config.username or None,
                "password": self._secret,
                "timeout": int(self.config.timeout),
                "ssl_verify_cert": str(self.config.ca_file) if self.config.ca_file else True,
            }
            if self.config.auth == "oauth2":
                kwargs["auth_type"] = "bearer"
            return DAVClient(**kwargs)

    def calendars(self) -> list[CalendarInfo]:
        """Every calendar of the account, as the server lists them."""
        with _translated(self.config.url):
            found = self._discovered()
            return [CalendarInfo(str(c.url), str(c.get_display_name() or "")) for c in found]

    def _discovered(self) -> list[Any]:
        """The principal's calendars (RFC 4791 6.2.1: current-user-principal, then its
        calendar-home-set), from the address given, else from where the host's
        /.well-known/caldav points (RFC 6764 5) when the address is a host's root."""
        try:
            found = list(self.client.get_calendars())
        except dav_error.AuthorizationError:
            raise
        except dav_error.DAVError:  # a web site's root answers 404 or 405 …
            if (moved := self._well_known()) is None:
                raise
        else:  # … or 200 with a page, where no calendar is found
            if found or (moved := self._well_known()) is None:
                return found
        self.client = self._client(moved)
        return list(self.client.get_calendars())

    def _well_known(self) -> str | None:
        if urlsplit(self.config.url).path not in ("", "/"):
            return None
        probe = urljoin(self.config.url, "/.well-known/caldav")
        response = self.client.session.request(
            "PROPFIND", probe, headers={"Depth": "0"}, allow_redirects=False,
            timeout=self.config.timeout, verify=self.client.ssl_verify_cert,
        )  # fmt: skip
        location = response.headers.get("Location")
        if response.status_code not in (301, 302, 303, 307, 308) or not location:
            return None
        return urljoin(probe, str(location))

    def chosen(self) -> CalendarInfo:
        """The calendar the events go to: the configured address when it is one of the
        account's calendars, else the first calendar found from it."""
        if self._chosen is None:
            found = self.calendars()
            wanted = _normal(self.config.url)
            match = [c for c in found if _normal(c.url) == wanted]
            if not (match or found):
                raise fault(UnreachableError, "caldav.none_found", url=shown_url(self.config.url))
            self._chosen = (match or found)[0]
        return self._chosen

    def create(self, uid: str, ics: bytes) -> Written:
        href = urljoin(_slash(self.chosen().url), _resource_name(uid))
        response = self._request(href, "PUT", ics, {"If-None-Match": "*"})
        if response.status == 412:
            raise EventChanged(self._etag_of(href), href)
        self._expect(response, href)
        return Written(href, response.headers.get("ETag") or self._etag_of(href))

    def update(self, href: str, ics: bytes, etag: str | None) -> Written:
        headers = {"If-Match": etag} if etag else {}
        response = self._request(href, "PUT", ics, headers)
        if response.status in (404, 410, 412):
            self._raise_changed_or_gone(href)
        self._expect(response, href)
        return Written(href, response.headers.get("ETag") or self._etag_of(href))

    def delete(self, href: str, etag: str | None) -> None:
        headers = {"If-Match": etag} if etag else {}
        response = self._request(href, "DELETE", b"", headers)
        if response.status in (404, 410):
            raise EventGone(href)
        if response.status == 412:
            self._raise_changed_or_gone(href)
        self._expect(response, href)

    def _raise_changed_or_gone(self, href: str) -> None:
        """A precondition failed: the event was deleted, or edited since vasteaika wrote it."""
        etag = self._etag_of(href)
        if etag is None:
            raise EventGone(href)
        raise EventChanged(etag)

    def _etag_of(self, href: str) -> str | None:
        response = self._request(href, "GET", b"", {})
        if response.status in (404, 410):
            return None
        self._expect(response, href)
        return str(response.headers.get("ETag") or "") or None

    def _request(self, href: str, method: str, body: bytes, headers: dict[str, str]) -> Any:
        if method == "PUT":
            headers = dict(headers, **{"Content-Type": ICS_TYPE})
        with _translated(href):
            return self.client.request(href, method, body.decode("utf-8"), headers)

    def _expect(self, response: Any, href: str) -> None:
        status = int(response.status)
        if status in (401, 403):
            raise _auth_error(self.config.url)
        if not 200 <= status < 300:
            raise fault(TemporaryError, "caldav.answered", status=status, path=_short(href))


def _auth_error(url: str) -> AuthenticationError:
    return fault(AuthenticationError, "caldav.refused", host=_host(url))


@contextmanager
def _translated(url: str) -> Iterator[None]:
    """The library's and the network's exceptions → our own one-line errors."""
    try:
        yield
    except (AuthenticationError, UnreachableError, TemporaryError, EventGone, EventChanged):
        raise
    except dav_error.AuthorizationError:
        raise _auth_error(url) from None
    except dav_error.NotFoundError:
        raise fault(UnreachableError, "caldav.not_found", url=shown_url(url)) from None
    except dav_error.DAVError as exc:
        raise fault(TemporaryError, "caldav.failed", host=_host(url),
                    kind=type(exc).__name__) from None  # fmt: skip
    except Exception as exc:  # niquests/requests raise their own ConnectionError, Timeout …
        if isinstance(exc, ssl.SSLError) or type(exc).__name__ == "SSLError":
            raise fault(UnreachableError, "caldav.certificate", host=_host(url)) from None
        if isinstance(exc, OSError) or type(exc).__module__.split(".")[0] in (
            "niquests", "requests", "urllib3", "urllib3_future",
        ):  # fmt: skip
            raise fault(UnreachableError, "caldav.unreachable", host=_host(url),
                        kind=type(exc).__name__) from None  # fmt: skip
        raise


def _resource_name(uid: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_.@" else "-" for ch in uid)
    return f"{safe}.ics"


def _normal(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}{parts.path.rstrip('/')}"


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _host(url: str) -> str:
    return urlsplit(url).hostname or "(calendar.url)"


def _short(href: str) -> str:
    return urlsplit(href).path[-80:]
