"""Engine setup: the only place that knows which database backend is in use.

SQLite pragmas are set on every new connection through a ``connect`` event:

* ``journal_mode=WAL``: readers never block the one writer; a crash leaves
  the last committed state.
* ``synchronous=FULL``: in WAL mode, NORMAL is safe against an application
  crash but a *power loss* may roll back the last few commits.  The counter
  PC may lose power right after a consultant was told "saved", and a commit
  here is one small interactive transaction, so the extra fsync per commit
  costs nothing anyone notices.  Bulk loads commit once per batch.
* ``foreign_keys=ON`` and ``busy_timeout`` (another process, e.g. a backup,
  may hold the write lock for a moment).

Before SQLite touches an existing file we check it read-only (header, size,
``quick_check``), so a file that is not a database, or is damaged, is
reported and left byte-for-byte untouched.

A server (PostgreSQL, ``postgresql+psycopg://...``) gets the pool and session
options of :func:`server_engine_options`; :func:`schema_lock` serialises
start-up upgrades between counters and :func:`after_bulk_load` keeps id
sequences ahead of rows written with explicit ids.
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Integer, Table, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from db.program import program_name
from lending.errors import UserError

TR_CONTEXT = "database"


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SCHEMA_LOCK_ID = 0x4C4F414E  # "LOAN": pg_advisory_lock key for schema upgrades
APPLICATION_ID = 0x4C4F414E  # "LOAN" in the SQLite header (PRAGMA application_id)


def is_sqlite_url(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for an in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return None
    if not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _not_a_database(path: Path, why: str) -> UserError:
    return UserError(
        _t(
            "{path} is not a usable LoanDesk database ({why}). The file was not changed. "
            "Choose another file with --db, or restore a backup with: "
            "{program} restore --from BACKUP_FILE"
        ).format(path=path, why=_first_line(why), program=program_name()),
        code="database_unusable",
    )


def _first_line(text: str, limit: int = 160) -> str:
    """The first line, shortened: a message stays one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _damage(rows: Iterable[tuple[Any, ...]]) -> str:
    """What ``integrity_check`` found, in a few words: up to 100 problems, one per line."""
    problems = [
        line.strip()
        for row in rows
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    if len(problems) <= 1:
        return _t("it is damaged: {problem}").format(problem="".join(problems))
    return _t("it is damaged: {problem} and {n} more problems").format(
        problem=_first_line(problems[0]), n=len(problems) - 1
    )


def check_sqlite_file(path: Path, *, full: bool = False) -> None:
    """Refuse a file that is not an SQLite database or is damaged; never write to it.

    ``full=True`` runs ``PRAGMA integrity_check`` instead of ``quick_check``
    (used for verifying backups).
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _not_a_database(
            path, _t("it cannot be read: {why}").format(why=exc.strerror)
        ) from None
    if not stat.S_ISREG(st.st_mode):
        # a folder, a FIFO, a device: SQLite would block on it, or the atomic
        # creation of a new database would replace it (``--db /dev/null``)
        raise UserError(
            _t(
                "{path} is a folder, pipe or device, not a database file; nothing was changed. "
                "Choose LoanDesk's database file with --db."
            ).format(path=path),
            code="database_not_a_file",
        )
    size = st.st_size
    if size == 0:
        return  # an empty file is a new database
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise _not_a_database(
            path, _t("it cannot be read: {why}").format(why=exc.strerror)
        ) from None
    if len(header) < 100 or header[:16] != SQLITE_HEADER:
        raise _not_a_database(path, _t("it is not an SQLite database file"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _not_a_database(path, _t("its header is damaged"))
    page_count = int.from_bytes(header[28:32], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    version_valid_for = int.from_bytes(header[92:96], "big")
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    truncated = bool(
        page_count and change_counter == version_valid_for and page_count * page_size > size
    ) or bool(size % page_size)
    if truncated:
        # A counter that could not finish closing (e.g. the disk filled during the
        # checkpoint) leaves a file whose missing pages are still in its WAL:
        # SQLite's recovery completes it.  Only a file that recovery cannot mend
        # is damaged.
        if not has_wal or not _wal_recovery_works(path):
            raise _not_a_database(path, _t("it is truncated"))
        return
    pragma = "integrity_check" if full else "quick_check"
    try:
        # Without a WAL file, open "immutable" so SQLite creates no -wal/-shm
        # beside a file that may not even be ours; with one, read it normally.
        uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path) from None
        if has_wal and _wal_recovery_works(path):
            return
        raise _not_a_database(path, _t("SQLite reports: {why}").format(why=exc)) from None
    if rows != [("ok",)]:
        raise _not_a_database(path, _damage(rows))


def is_disk_full(exc: BaseException | None) -> bool:
    """SQLite's SQLITE_FULL or the operating system's ENOSPC."""
    import errno

    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    text = str(exc).lower()
    return "disk is full" in text or "disk full" in text


def disk_full_error(path: Path) -> UserError:
    return UserError(
        _t(
            "The disk holding {folder} is full, so the database cannot be used now. Free "
            "some space and start LoanDesk again; the database was not changed and is not "
            "damaged."
        ).format(folder=path.parent),
        code="disk_full",
    )


def _wal_recovery_works(path: Path) -> bool:
    """Would SQLite's WAL recovery give a sound database?  Tried on a copy, never the file.

    The copy lives beside the database (never in TMPDIR: it holds customer
    data) and is removed at once; no space for it means a full disk.
    """
    import shutil

    from db import files

    try:
        copy = files.new_temp_file(path.parent, ".sqlite3")
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path) from None
        return False
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(path.with_name(path.name + "-wal"), copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(copy, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
        return rows == [("ok",)]
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path) from None
        return False
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path) from None
        return False
    finally:
        files.discard_temp_file(copy)


def _read_only_uri(path: Path) -> str:
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    return path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")


def loandesk_revision(path: Path) -> str | None:
    """The schema revision of LoanDesk's SQLite file at ``path``, read-only.

    None for a file that does not exist yet or is empty (a new database);
    ``""`` for a file of ours without a revision yet (migrated back to base).
    A file of another program - another SQLite application id, or no
    ``db_meta``/``alembic_version`` of ours - is refused before anything,
    not even a PRAGMA, touches it.  Call :func:`check_sqlite_file` first.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    foreign = UserError(
        _t(
            "{path} is not a LoanDesk database (it belongs to another program); the file "
            "was not changed. Choose LoanDesk's own database file with --db."
        ).format(path=path),
        code="database_foreign",
    )
    with path.open("rb") as fh:
        header = fh.read(100)
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise foreign
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if tables and not tables <= {"sqlite_sequence"} and "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            else:
                row = None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path) from None
        raise _not_a_database(path, _t("SQLite reports: {why}").format(why=exc)) from None
    if not tables:
        return None  # an SQLite file without a single table holds nothing: a new database
    if app_id == APPLICATION_ID:
        return "" if row is None else str(row[0])  # "": ours, at the base revision
    if "db_meta" not in tables or row is None:
        raise foreign
    return str(row[0])


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
    finally:
        cur.close()


def tidy_up(engine: Engine) -> None:
    """Before closing: let SQLite refresh the planner statistics it needs
    (``PRAGMA optimize``, cheap; SQLite's own advice for long-lived apps)."""
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
    except Exception:  # closing must never fail on this
        pass


def server_engine_options(url: str) -> dict[str, Any]:
    """Engine options for a database server shared by several counters.

    * ``pool_pre_ping``: a connection the server dropped (restart, idle
      timeout, a network blip) is noticed and replaced before it is used, so
      the first save after a server restart does not fail;
    * ``pool_recycle``: connections are renewed every 30 minutes (firewalls
      and NAT routers between a store and the server drop idle TCP sessions);
    * a small pool (5 + 5): one counter has one user; a dealer group has tens
      of counters against one server's ``max_connections`` (100 by default);
    * ``pool_timeout`` and ``connect_timeout`` of 10 s: an unreachable server
      is reported in seconds instead of hanging the counter; TCP keepalives
      and ``tcp_user_timeout`` do the same for a server lost mid-query;
    * the session time zone is UTC, like the naive-UTC values in SQLite, so
      date arithmetic in SQL means the same on both (values come back aware
      either way, see :class:`db.models.base.UTCDateTime`).
    """
    options: dict[str, Any] = {
        "pool_pre_ping": True,
        "pool_recycle": 1800,
        "pool_size": 5,
        "max_overflow": 5,
        "pool_timeout": 10,
    }
    if make_url(url).get_backend_name() == "postgresql":
        options["connect_args"] = {
            "connect_timeout": 10,
            "application_name": "LoanDesk",
            "options": "-c timezone=UTC",
            # a server or network that vanishes mid-query is noticed in about
            # 30 s (TCP keepalives, unacknowledged data), not the kernel's ~15 min
            "keepalives": 1,
            "keepalives_idle": 15,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": 30_000,
        }
    return options


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Serialise schema upgrades and first-run set-up between processes.

    On PostgreSQL several counters may start at once against a new or older
    schema: a session-level advisory lock, held on its own connection, lets
    one of them migrate while the others wait and then find the schema at
    head.  SQLite needs nothing here (a single counter, and its write lock).
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({SCHEMA_LOCK_ID})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({SCHEMA_LOCK_ID})")
            conn.commit()


def after_bulk_load(conn: Connection, tables: Iterable[Table]) -> None:
    """After rows were inserted with explicit ids: move the id sequences past them.

    PostgreSQL's ``serial`` columns take the next id from a sequence that
    explicit ids do not advance, so the next ordinary insert would collide.
    SQLite picks max(id) + 1 by itself: nothing to do.
    """
    if conn.dialect.name != "postgresql":
        return
    for t in tables:
        pk = list(t.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or not isinstance(pk[0].type, Integer):
            continue
        name = conn.dialect.identifier_preparer.format_table(t)
        col = conn.dialect.identifier_preparer.format_column(pk[0])
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence(%(t)s, %(c)s), "
            f"COALESCE((SELECT MAX({col}) FROM {name}), 0) + 1, false)",
            {"t": name, "c": pk[0].name},
        )


@contextmanager
def sqlite_migration(url: str) -> Iterator[Connection]:
    """A connection to run schema migrations on an SQLite file safely.

    SQLite's Python driver runs DDL outside any transaction unless told
    otherwise, so a migration killed half-way used to leave half a schema;
    and the batch migrations recreate tables, which with foreign keys on
    deletes (or refuses to delete) the rows that point at them.  Here: the
    driver's own transaction handling is off, ``BEGIN IMMEDIATE`` opens one
    transaction for the whole migration, ``foreign_keys`` is off (it cannot
    change inside a transaction), ``PRAGMA foreign_key_check`` must come back
    empty before the commit (else everything is rolled back), and the file is
    marked with LoanDesk's application id in the same transaction.
    """
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = OFF")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as conn:
            yield conn
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({str(r[0]) for r in broken})
                raise UserError(
                    "The schema upgrade was undone because it would break links between "
                    f"records ({', '.join(tables)}); the database is unchanged.",
                    code="migration_foreign_keys",
                )
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    finally:
        engine.dispose()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create the engine; SQLite files get their pragmas, other backends nothing special."""
    try:
        sqlite = is_sqlite_url(url)
    except ArgumentError:
        raise UserError(
            f"{url!r} is not a database address (expected e.g. postgresql+psycopg://...).",
            code="database_url_unusable",
        ) from None
    if sqlite:
        path = sqlite_path(url)
        if path is not None:
            check_sqlite_file(path)
            path.parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error message never carries the values (a password
        # hash, an ID number) of the statement that failed
        engine = create_engine(url, **{"hide_parameters": True, **kwargs})
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine
    try:
        return create_engine(
            url, **{"hide_parameters": True, **server_engine_options(url), **kwargs}
        )
    except (ImportError, NoSuchModuleError, ArgumentError) as exc:
        raise UserError(
            f"This database address cannot be used: {exc}. For PostgreSQL use "
            "postgresql+psycopg://user@host/dbname and install the postgres extra "
            "(pip install 'loandesk[postgres]').",
            code="database_url_unusable",
        ) from None
