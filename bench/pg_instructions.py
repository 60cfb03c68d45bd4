"""PostgreSQL's instructions per execution of each picture's statement: a count that does not
depend on the machine's speed or its other load, for comparing two statements when time is
too noisy to tell them apart (CPU figures of one statement moved by 1.5 ms from one way of
running it to another, and by 25% from one run to the next on a shared machine).

    .venv/bin/python -m bench.pg_instructions --database-url URL --token TOKEN

The bench data of URL (bench.generate) are copied into a private PostgreSQL cluster (initdb in
a temporary directory, pg_dump | psql, VACUUM ANALYZE), which is then stopped. Each picture's
statement, compiled as the server compiles it (bench.pgcost), is prepared and executed in
PostgreSQL's single-user mode under valgrind's callgrind, with the server's settings (generic
plans, no JIT): once with 4 executions and once with 24, over the same seeded accounts, and
the difference over 20 is the instructions of one execution, without the process's start,
the prepare and the first planning (the second figure). Valgrind and PostgreSQL's server
programs must be on this machine; run as root, the cluster runs as the `postgres` user.
About a minute per picture on the 2,000-account data (callgrind is about 50x slower).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from typing import Any

from bench.pgcost import plangraph_statement, sample_accounts

FEW, MANY = 4, 24  # executions per run: the difference is MANY - FEW executions
SETTINGS = ("plan_cache_mode=force_generic_plan", "jit=off")  # models/db.py's


def literal(value: Any) -> str:
    """A parameter as a SQL literal (the statements take integers and text)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def script(sql: str, parameters: Sequence[Sequence[Any]], executions: int) -> str:
    """Single-user mode's input (`-j`: a statement ends with a semicolon and an empty line)."""
    if ";\n\n" in sql:
        raise ValueError("the statement holds single-user mode's terminator")
    lines = [f"PREPARE picture AS {sql};\n\n"]
    for i in range(executions):
        values = ", ".join(literal(v) for v in parameters[i % len(parameters)])
        lines.append(f"EXECUTE picture({values});\n\n")
    return "".join(lines)


def per_execution(few: int, many: int) -> float:
    """Instructions of one execution, from the totals of a FEW and a MANY executions run."""
    return (many - few) / (MANY - FEW)


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL's programs refuse to run as root: as root, run them as `postgres`."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=True)
        if (Path(out.stdout.strip()) / "postgres").exists():
            return Path(out.stdout.strip())
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not versions:
        raise SystemExit("PostgreSQL's server programs (postgres, initdb) are not installed")
    return versions[-1].parent


def copy_cluster(database_url: str, bindir: Path, where: Path) -> Path:
    """A stopped private cluster in `where` holding a copy of URL's database as `bench`. It
    listens only on a socket in `where` (no port to collide with), and the copy is made with
    the cluster's own pg_dump and psql, stopping at the first error."""
    data = where / "data"
    initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
    subprocess.run(_as_owner([*initdb, "-E", "UTF8"]), check=True, capture_output=True)
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(where / "log")]
    options = f"-k {where} -c listen_addresses='' -c autovacuum=off"
    if subprocess.run(_as_owner([*pg_ctl, "-o", options, "start"])).returncode != 0:
        raise SystemExit(f"the private cluster did not start:\n{(where / 'log').read_text()}")
    try:
        psql = [str(bindir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(where),
                "-U", "postgres"]  # fmt: skip
        subprocess.run([*psql, "-c", "CREATE DATABASE bench"], check=True)
        source = database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
        dump = [str(bindir / "pg_dump"), "--no-owner", "--no-privileges", "-d", source]
        with subprocess.Popen(dump, stdout=subprocess.PIPE) as dumping:
            loaded = subprocess.run([*psql, "-d", "bench"], stdin=dumping.stdout,
                                    stdout=subprocess.DEVNULL)  # fmt: skip
            if loaded.returncode != 0:
                dumping.kill()
            if dumping.wait() != 0 or loaded.returncode != 0:
                raise SystemExit("copying the bench data into the private cluster failed")
        subprocess.run([*psql, "-d", "bench", "-c", "VACUUM ANALYZE"], check=True)
    finally:
        stopped = subprocess.run(_as_owner([*pg_ctl, "stop"]), capture_output=True, text=True)
        if stopped.returncode != 0:  # reported, without hiding what went wrong before
            print(f"stopping the private cluster failed: {stopped.stderr}", file=sys.stderr)
    return data


def instructions(bindir: Path, data: Path, text: str, where: Path) -> int:
    """The instructions callgrind counts for single-user PostgreSQL reading `text`."""
    path = where / "script.sql"
    path.write_text(text)
    settings = [arg for setting in SETTINGS for arg in ("-c", setting)]
    postgres = [str(bindir / "postgres"), "--single", "-j", "-D", str(data), *settings, "bench"]
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *postgres]
    with path.open() as stdin:
        run = subprocess.run(_as_owner(command), stdin=stdin, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None or "ERROR:" in run.stderr:
        raise SystemExit(f"single-user PostgreSQL failed:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.pg_instructions", description=__doc__)
    parser.add_argument("--database-url", required=True, help="PostgreSQL with the bench data")
    parser.add_argument("--token", required=True, help="bench.generate's (whose statement)")
    parser.add_argument("--accounts", type=int, default=2000, help="how many the data hold")
    parser.add_argument("--sample", type=int, default=24, help="accounts executed, seeded")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    pks = sample_accounts(args.accounts, args.sample)
    statements = {}
    for picture in ("core", "planning"):
        sql, parameters = asyncio.run(plangraph_statement(args.database_url, args.token, picture))
        statements[picture] = (sql, [parameters(pk) for pk in pks])
    bindir = _bindir()
    with tempfile.TemporaryDirectory(prefix="plangraph-instructions-") as tmp:
        where = Path(tmp)
        if os.geteuid() == 0:
            shutil.chown(where, "postgres")
        data = copy_cluster(args.database_url, bindir, where)
        counts = {}
        for picture, (sql, parameters) in statements.items():
            few = instructions(bindir, data, script(sql, parameters, FEW), where)
            many = instructions(bindir, data, script(sql, parameters, MANY), where)
            counts[picture] = per_execution(few, many)
            print(f"{picture:9} {counts[picture] / 1e6:8.2f} M instructions per execution; "
                  f"start, prepare, first plan and {FEW} executions {few / 1e6:.1f} M")  # fmt: skip
    print(f"planning over core: {counts['planning'] / counts['core']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
